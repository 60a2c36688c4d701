package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.content.ContentFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Installs a content pack in one step: a Sentinel solution folder with Analytic Rules/, Hunting Queries/, Parsers/,"
                + " Workbooks/ and Playbooks/. Prints one line per item (Imported, Updated, Unchanged, or Refused with the reason),"
                + " with the tables and connectors it needs, then what the pack needs as a whole.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
                "0:every item was installed, updated or unchanged",
                "1:unexpected failure",
                "2:bad command-line usage, or a folder that cannot be read",
                "3:the server could not be reached",
                "4:the server refused some items (their lines say why) or the request",
                "5:no API key, or the server did not accept it"})
final class ContentInstallCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The pack's folder.")
    private Path folder;

    @Mixin
    private ServerConnectionOptions connection;

    @Option(names = "--workspace", paramLabel = "ID", description = "The workspace (default: ${DEFAULT-VALUE}).")
    private String workspace = "default";

    @Option(names = "--enable", description = "Enable the installed rules (they are installed disabled otherwise).")
    private boolean enable;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ContentFile> files;
        try {
            if (!Files.isDirectory(folder)) {
                throw new IOException("there is no folder " + folder + " (a pack is a folder with Analytic Rules/, Hunting Queries/, Parsers/...)");
            }
            files = ContentImportCommand.read(List.of(folder));
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        return connection.call(err, client -> {
            List<Map<String, String>> sent = files.stream().map(f -> Map.of("name", f.name().replace('\\', '/'), "content", f.text())).toList();
            JsonNode answer = client.send("POST", "/api/workspaces/" + workspace + "/contentPacks/install",
                    Map.of("name", name, "files", sent, "enabled", enable));
            out.print(render(answer));
            out.flush();
            boolean refused = false;
            for (JsonNode item : answer.path("value")) {
                refused |= item.path("status").asText().equals("Refused");
            }
            return refused ? CommandFailedException.EXIT_REJECTED : 0;
        });
    }

    private static String render(JsonNode answer) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : answer.path("value")) {
            JsonNode refusal = item.path("refusal");
            String detail = refusal.isMissingNode() ? item.path("note").asText("") : refusal.path("reason").asText() + ": " + refusal.path("message").asText();
            rows.add(List.of(item.path("status").asText(), item.path("kind").asText(), item.path("file").asText(), item.path("name").asText(""),
                    join(item.path("needs").path("tables")), detail));
        }
        StringBuilder text = new StringBuilder("Pack ").append(answer.path("pack").asText()).append('\n');
        text.append(TextTable.render(List.of("Status", "Kind", "File", "Name", "Reads", "Detail"), rows));
        List<String> tables = new ArrayList<>();
        for (JsonNode table : answer.path("needs").path("tables")) {
            long count = table.path("rows").asLong();
            tables.add(table.path("name").asText() + (count == 0 ? " (no rows yet)" : " (" + count + " rows)"));
        }
        text.append("Tables needed: ").append(tables.isEmpty() ? "none" : String.join(", ", tables)).append('\n');
        text.append("Connectors named: ").append(answer.path("needs").path("connectors").isEmpty() ? "none" : join(answer.path("needs").path("connectors")))
                .append('\n');
        List<String> summary = new ArrayList<>();
        answer.path("summary").fields().forEachRemaining(count -> {
            if (count.getValue().asInt() > 0) {
                summary.add(count.getValue().asInt() + " " + count.getKey().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT));
            }
        });
        return text.append(String.join(", ", summary)).append('\n').toString();
    }

    private static String join(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        return String.join(", ", texts);
    }
}
