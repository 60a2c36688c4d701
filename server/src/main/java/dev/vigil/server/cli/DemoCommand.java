package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import dev.vigil.server.demo.SampleAlerts;
import dev.vigil.workspace.api.IngestReceipt;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the server with sample Defender for IoT alerts from the last 24 hours in the 'default' workspace,",
                "then prints where to look and how to query. Takes the options of 'serve'."})
final class DemoCommand implements Callable<Integer> {
    private static final String SAMPLE_QUERY =
            "SecurityAlert | where ProductName == \"Azure Security Center for IoT\" | summarize count() by AlertSeverity";

    @Mixin
    private ServerOptions options = new ServerOptions();

    @Option(names = "--rows", paramLabel = "N", description = "Sample alerts to ingest (default: ${DEFAULT-VALUE}).")
    private int rows = 300;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServerConsole console = ServerConsole.start(options, out);
        VigilServer server = console.server();
        // The ingestion API's own path below HTTP: the same validation, queue and group commit.
        IngestReceipt receipt = server.logStore()
                .ingest(VigilServer.DEFAULT_WORKSPACE, "SecurityAlert", SampleAlerts.generate(rows, Instant.now(), System.nanoTime()))
                .join();
        String key = server.initialAdminKey().orElse("<the admin key printed on the first start of " + options.data + ">");
        out.printf("%nIngested %d sample SecurityAlert rows (Defender for IoT alerts from the last 24 hours).%n%n", receipt.rowsCommitted());
        out.printf("Server:   %s  (API description at %s/openapi.json)%n", console.url(), console.url());
        out.printf("API key:  %s%n%n", key);
        out.printf("Query with curl:%n  curl -s -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\%n"
                + "       -d '{\"query\":\"%s\",\"timespan\":\"P1D\"}' \\%n       %s/v1/workspaces/default/query%n%n",
                key, SAMPLE_QUERY.replace("\"", "\\\""), console.url());
        out.printf("Query with the CLI:%n  export VIGIL_API_KEY='%s'%n  ./vigil query --server %s '%s'%n%n", key, console.url(), SAMPLE_QUERY);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        console.awaitShutdown();
        return 0;
    }
}
