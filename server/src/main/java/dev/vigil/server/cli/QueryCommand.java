package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs a KQL query against a running Vigil server and prints the result as a table (a table each, named, when the query gives several: several tabular statements, fork, facet).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
                "0:the query ran",
                "1:unexpected failure",
                "2:bad command-line usage",
                "3:the server could not be reached",
                "4:the server refused the query (bad KQL, unknown workspace or table...)",
                "5:no API key, or the server did not accept it"})
final class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KQL", description = "The query, e.g. 'SecurityAlert | take 10'.")
    private String query;

    @Mixin
    private ServerConnectionOptions connection;

    @Option(names = "--workspace", paramLabel = "ID", description = "The workspace (default: ${DEFAULT-VALUE}).")
    private String workspace = "default";

    @Option(names = "--timespan", paramLabel = "ISO", description = "Restricts TimeGenerated: a duration (PT1H) or an interval (start/end).")
    private String timespan;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return connection.call(err, client -> {
            JsonNode answer = new QueryApiClient(client).query(workspace, query, timespan);
            JsonNode tables = answer.path("tables");
            // several tables (statements, fork, facet): each under its name, with a blank line between
            for (int i = 0; i < tables.size(); i++) {
                JsonNode table = tables.path(i);
                if (tables.size() > 1) {
                    out.print((i == 0 ? "" : "\n") + table.path("name").asText() + ":\n");
                }
                out.print(TextTable.render(headers(table), rows(table)));
            }
            out.flush();
            // a result cut at the server's cap, or stopped after its first rows: say so, after the rows
            JsonNode partial = answer.path("error").path("details").path(0);
            if (!partial.isMissingNode()) {
                err.println("Partial result: " + partial.path("message").asText() + " [" + partial.path("code").asText() + "]");
                err.flush();
            }
            return 0;
        });
    }

    private static List<String> headers(JsonNode table) {
        List<String> headers = new ArrayList<>();
        table.path("columns").forEach(column -> headers.add(column.path("name").asText()));
        return headers;
    }

    private static List<List<String>> rows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            List<String> cells = new ArrayList<>();
            row.forEach(value -> cells.add(value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString()));
            rows.add(cells);
        }
        return rows;
    }
}
