package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.content.ContentFile;
import dev.vigil.soc.content.ContentFiles;
import dev.vigil.soc.content.ContentTargets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports Sentinel analytic rules (rule YAML, ARM JSON of exported rules), hunting queries (hunting-query YAML),"
                + " Sigma rules and parsers (parser YAML) from files or folders (searched for .yaml, .yml and .json files). Parsers are"
                + " imported first, so that rules calling them compile. Prints one line per item: Imported, Updated, Unchanged or"
                + " Refused with the reason.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
                "0:every item was imported, updated or unchanged",
                "1:unexpected failure",
                "2:bad command-line usage, or a file that cannot be read",
                "3:the server could not be reached",
                "4:the server refused some items (their lines say why) or the request",
                "5:no API key, or the server did not accept it"})
final class ContentImportCommand implements Callable<Integer> {
    /** Files per request: keeps each request well under the server's body limit. */
    static final int FILES_PER_REQUEST = 100;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Content files, or folders to search for them.")
    private List<Path> paths;

    @Mixin
    private ServerConnectionOptions connection;

    @Option(names = "--workspace", paramLabel = "ID", description = "The workspace (default: ${DEFAULT-VALUE}).")
    private String workspace = "default";

    @Option(names = "--enable", description = "Enable the imported rules (they are imported disabled otherwise).")
    private boolean enable;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ContentFile> files;
        try {
            files = read(paths);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (files.isEmpty()) {
            err.println("error: no .yaml, .yml or .json files in " + paths);
            err.flush();
            return 2;
        }
        List<ContentFile> parsers = new ArrayList<>();
        List<ContentFile> rules = new ArrayList<>();
        for (ContentFile file : files) {
            ContentTargets targets = ContentFiles.targets(file);
            if (targets.parsers()) {
                parsers.add(file);
            }
            if (targets.rules()) {
                rules.add(file);
            }
        }
        return connection.call(err, client -> {
            List<JsonNode> items = new ArrayList<>();
            items.addAll(send(client, "functions/import", parsers));
            items.addAll(send(client, "alertRules/import", rules));
            out.print(render(items));
            out.flush();
            return items.stream().anyMatch(i -> i.path("status").asText().equals("Refused")) ? CommandFailedException.EXIT_REJECTED : 0;
        });
    }

    private List<JsonNode> send(ApiClient client, String endpoint, List<ContentFile> files) throws CommandFailedException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        for (int from = 0; from < files.size(); from += FILES_PER_REQUEST) {
            List<Map<String, String>> batch = files.subList(from, Math.min(files.size(), from + FILES_PER_REQUEST)).stream()
                    .map(f -> Map.of("name", f.name(), "content", f.text())).toList();
            JsonNode answer = client.send("POST", "/api/workspaces/" + workspace + "/" + endpoint,
                    Map.of("files", batch, "enabled", enable));
            answer.path("value").forEach(items::add);
        }
        return items;
    }

    /** The files given and those under the folders given, each folder's in path order. */
    static List<ContentFile> read(List<Path> paths) throws IOException {
        List<ContentFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IOException("there is no file or folder " + path);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    for (Path file : found.filter(Files::isRegularFile).filter(ContentImportCommand::isContent).sorted().toList()) {
                        files.add(new ContentFile(path.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
            } else {
                files.add(new ContentFile(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private static boolean isContent(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static String render(List<JsonNode> items) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode item : items) {
            String status = item.path("status").asText();
            counts.merge(status, 1, Integer::sum);
            JsonNode refusal = item.path("refusal");
            String detail = refusal.isMissingNode() ? item.path("note").asText("")
                    : refusal.path("reason").asText() + ": " + refusal.path("message").asText();
            rows.add(List.of(status, item.path("file").asText(), item.path("id").asText(""), item.path("name").asText(""), detail));
        }
        StringBuilder text = new StringBuilder(TextTable.render(List.of("Status", "File", "Id", "Name", "Detail"), rows));
        List<String> summary = new ArrayList<>();
        counts.forEach((status, count) -> summary.add(count + " " + status.toLowerCase(Locale.ROOT)));
        return text.append(String.join(", ", summary)).append('\n').toString();
    }
}
