package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints how a running Vigil server would run a KQL query, without running it:"
                + " the bound plan with the type of every column and expression, then the DuckDB SQL.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
                "0:the query was explained",
                "1:unexpected failure",
                "2:bad command-line usage",
                "3:the server could not be reached",
                "4:the server refused the query (bad KQL, unknown workspace or table...)",
                "5:no API key, or the server did not accept it"})
final class KqlExplainCommand implements Callable<Integer> {

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
            JsonNode explanation = new QueryApiClient(client).explain(workspace, query, timespan);
            out.print("Plan:\n" + explanation.path("plan").asText() + "\nSQL:\n" + explanation.path("sql").asText() + "\n");
            out.flush();
            return 0;
        });
    }
}
