package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import dev.vigil.server.demo.SampleAlerts;
import dev.vigil.server.simulator.Simulation;
import dev.vigil.server.simulator.SimulationSettings;
import dev.vigil.server.simulator.SimulatorException;
import dev.vigil.workspace.api.IngestReceipt;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the server with sample Defender for IoT alerts from the last 24 hours in the 'default' workspace",
                "and a small simulated device fleet (MQTT and HTTPS, with attacks) sending security events for a short while,",
                "then prints where to look and how to query. Takes the options of 'serve'."})
final class DemoCommand implements Callable<Integer> {
    private static final String SAMPLE_QUERY =
            "SecurityAlert | where ProductName == \"Azure Security Center for IoT\" | summarize count() by AlertSeverity";
    private static final String RAW_EVENTS_QUERY = "SecurityIoTRawEvent | summarize count() by RawEventName";

    @Mixin
    private ServerOptions options = new ServerOptions();

    @Option(names = "--rows", paramLabel = "N", description = "Sample alerts to ingest (default: ${DEFAULT-VALUE}).")
    private int rows = 300;

    @Option(names = "--simulate-for", paramLabel = "D", converter = SimulateCommand.DurationConverter.class,
            description = "How long the simulated fleet sends events: 30s, 5m...; 0s skips it (default: 2m).")
    private Duration simulateFor = Duration.ofMinutes(2);

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:VIGIL_API_KEY}",
            description = "Key the simulator uses on a data directory that already has its admin key (default: VIGIL_API_KEY).")
    private String apiKey;

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
        Optional<String> usableKey = server.initialAdminKey().or(() -> Optional.ofNullable(apiKey).filter(text -> !text.isBlank()));
        String key = usableKey.orElse("<the admin key printed on the first start of " + options.data + ">");
        out.printf("%nIngested %d sample SecurityAlert rows (Defender for IoT alerts from the last 24 hours).%n%n", receipt.rowsCommitted());
        out.printf("Server:   %s  (API description at %s/openapi.json)%n", console.url(), console.url());
        out.printf("API key:  %s%n%n", key);
        out.printf("Query with curl:%n  curl -s -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\%n"
                + "       -d '{\"query\":\"%s\",\"timespan\":\"P1D\"}' \\%n       %s/v1/workspaces/default/query%n%n",
                key, SAMPLE_QUERY.replace("\"", "\\\""), console.url());
        out.printf("Query with the CLI:%n  export VIGIL_API_KEY='%s'%n  ./vigil query --server %s '%s'%n%n", key, console.url(), SAMPLE_QUERY);
        out.printf("Security events of the simulated fleet:%n  ./vigil query --server %s '%s'%n%n", console.url(), RAW_EVENTS_QUERY);
        out.printf("IoT alerts its attacks raise:%n  curl -s -H 'Authorization: Bearer %s' \\%n       %s/api/subscriptions/sim-sub-0/providers/Microsoft.Security/iotAlerts%n%n",
                key, console.url());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        startFleet(server, usableKey, out);
        console.awaitShutdown();
        return 0;
    }

    /** Runs the simulator in the background against this server: 6 devices on 2 hubs, attacks on. */
    private void startFleet(VigilServer server, Optional<String> key, PrintWriter out) {
        if (simulateFor.isZero() || server.mqttPort() <= 0) {
            return;
        }
        if (key.isEmpty()) {
            out.println("No simulated fleet: this data directory's admin key was shown on its first start; pass it with --api-key.");
            out.flush();
            return;
        }
        SimulationSettings settings = SimulationSettings.defaults(URI.create("http://127.0.0.1:" + server.port()), key.get(), server.mqttPort())
                .withFleet(6, 2, 1)
                .withTraffic(simulateFor, 10, true)
                .withProgressInterval(Duration.ofSeconds(30));
        Thread fleet = new Thread(() -> {
            try {
                out.printf("Simulated fleet: sending security events for %ds, with attacks...%n", simulateFor.toSeconds());
                Simulation.run(settings, out);
                out.printf("Simulated fleet stopped; see its events with: %s%n", RAW_EVENTS_QUERY);
            } catch (SimulatorException e) {
                out.println("Simulated fleet failed: " + e.getMessage() + " [" + e.code() + "]");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
        }, "vigil-demo-fleet");
        fleet.setDaemon(true);
        fleet.start();
    }
}
