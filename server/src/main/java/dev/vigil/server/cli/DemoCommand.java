package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import dev.vigil.server.simulator.FlowQueries;
import dev.vigil.server.simulator.Simulation;
import dev.vigil.server.simulator.SimulationSettings;
import dev.vigil.server.simulator.SimulatorException;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.WorkspaceException;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the server with a small simulated device fleet (MQTT and HTTPS, with attacks) whose subscription is",
                "connected to the 'default' workspace with 'Create incidents' on: attacks become IoT alerts, SecurityAlert rows",
                "and incidents within seconds. Prints where to look while the flow runs. Takes the options of 'serve'."})
final class DemoCommand implements Callable<Integer> {
    private static final String ALERTS_QUERY =
            "SecurityAlert | where ProductName == \"Azure Security Center for IoT\" | summarize arg_max(TimeGenerated, *) by SystemAlertId"
                    + " | summarize count() by AlertName";
    private static final String INCIDENTS_QUERY =
            "SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber | project IncidentNumber, Title, Severity, Status";
    private static final String RAW_EVENTS_QUERY = "SecurityIoTRawEvent | summarize count() by RawEventName";
    private static final String FLOW_COUNTS_QUERY = "union"
            + " (SecurityIoTRawEvent | summarize n = count() | extend step = 1, what = 'raw security events'),"
            + " (SecurityAlert | where ProductName == 'Azure Security Center for IoT' | summarize n = dcount(SystemAlertId)"
            + " | extend step = 2, what = 'IoT alerts in SecurityAlert'),"
            + " (SecurityIncident | summarize n = dcount(IncidentNumber) | extend step = 3, what = 'incidents')"
            + " | order by step asc | project what, n";

    @Mixin
    private ServerOptions options = new ServerOptions();

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
        DemoAutomation receiver = DemoAutomation.receive();
        List<String> allowed = new ArrayList<>(options.playbookHttpAllow);
        allowed.add(receiver.allowEntry());
        options.playbookHttpAllow = allowed;
        try {
            ServerConsole console = ServerConsole.start(options, out);
            VigilServer server = console.server();
            Optional<String> usableKey = server.initialAdminKey().or(() -> Optional.ofNullable(apiKey).filter(text -> !text.isBlank()));
            String key = usableKey.orElse("<the admin key printed on the first start of " + options.data + ">");
            String url = console.url();
            out.printf("%nConsole:  %s/console  %s%n", url, consoleSignIn(server, url));
            out.printf("Server:   %s  (API description at %s/openapi.json)%n", url, url);
            out.printf("API key:  %s%n%n", key);
            out.printf("The fleet's subscription is connected to workspace 'default' (Defender for IoT connector, 'Create incidents' on):%n"
                    + "  curl -s -H 'Authorization: Bearer %s' %s/api/workspaces/default/dataConnectors/IoT/subscriptions%n%n", key, url);
            out.printf("IoT alerts the attacks raise:%n  curl -s -H 'Authorization: Bearer %s' \\%n"
                    + "       %s/api/subscriptions/sim-sub-0/providers/Microsoft.Security/iotAlerts%n%n", key, url);
            out.printf("The same alerts in the workspace, and the incidents made from them:%n  export VIGIL_API_KEY='%s'%n"
                    + "  ./vigil query --server %s '%s'%n  ./vigil query --server %s '%s'%n"
                    + "  curl -s -H 'Authorization: Bearer %s' %s/api/workspaces/default/incidents%n%n",
                    key, url, ALERTS_QUERY, url, INCIDENTS_QUERY, key, url);
            out.printf("Security events of the fleet:%n  ./vigil query --server %s '%s'%n%n", url, RAW_EVENTS_QUERY);
            Optional<DemoAutomation> automation = startAutomation(receiver, url, usableKey, key, out);
            out.println("Press Ctrl-C to stop.");
            out.flush();
            startFleet(server, usableKey, automation, out);
            console.awaitShutdown();
        } finally {
            // closed also when the server does not start: its thread would keep the command from ending
            receiver.close();
        }
        return 0;
    }

    /** The enabled rule and playbook that act on the demo's incidents, and where to see their runs. */
    private static Optional<DemoAutomation> startAutomation(DemoAutomation automation, String url, Optional<String> usableKey, String key,
            PrintWriter out) throws InterruptedException {
        if (usableKey.isEmpty()) {
            return Optional.empty();
        }
        try {
            automation.install(URI.create(url), usableKey.get());
            out.printf("Automation: rule '%s' runs playbook '%s' on each new IoT incident: a comment on the incident, then a POST to the"
                    + " demo's webhook receiver at %s%n", DemoAutomation.NAME, DemoAutomation.NAME, automation.hookUrl());
            out.printf("  its runs, step by step:%n  curl -s -H 'Authorization: Bearer %s' %s/api/workspaces/default/playbooks/%s/runs%n"
                    + "  ./vigil query --server %s '%s'%n%n", key, url, DemoAutomation.NAME, url, DemoAutomation.RUNS_QUERY);
            return Optional.of(automation);
        } catch (CommandFailedException e) {
            out.println("Automation: the demo's playbook could not be set up: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * How to sign in to the console. On the first start of the data directory the user {@code admin}
     * has no password (its key is its only credential), so the demo gives it one, set through the
     * API with that key, and shows it this once.
     */
    private static String consoleSignIn(VigilServer server, String url) throws InterruptedException {
        Optional<String> key = server.initialAdminKey();
        if (key.isEmpty()) {
            return "(sign in as admin with the password shown on the first start; ./vigil admin user reset-password admin sets a new one)";
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            new ApiClient(URI.create(url), key.get()).send("PUT", "/api/users/admin/password", Map.of("password", password));
        } catch (CommandFailedException e) {
            return "(could not set a password for admin: " + e.getMessage() + "; ./vigil admin user reset-password admin sets one)";
        }
        return "(sign in as admin, password " + password + ", shown once)";
    }

    /** Runs the simulator in the background against this server: 6 devices on 2 hubs, attacks on, connected to 'default'. */
    private void startFleet(VigilServer server, Optional<String> key, Optional<DemoAutomation> automation, PrintWriter out) {
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
                .withProgressInterval(Duration.ofSeconds(30))
                .withConnectedWorkspace(VigilServer.DEFAULT_WORKSPACE);
        Thread fleet = new Thread(() -> {
            try {
                out.printf("Simulated fleet: sending security events for %ds, with attacks...%n", simulateFor.toSeconds());
                out.flush();
                Thread counts = startFlowReport(server, out);
                Simulation.run(settings, out);
                counts.interrupt();
                counts.join();
                printFlowCounts(server, out);
                printIncidentLatency(server, out);
                automation.ifPresent(demo -> out.printf("Webhooks the demo's receiver got from playbook %s: %d%n", DemoAutomation.NAME,
                        demo.received()));
                out.printf("Simulated fleet stopped; the incidents it caused: ./vigil query '%s'%n", INCIDENTS_QUERY);
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

    /** Every 10 seconds, how far the flow has got: raw events, alerts in the workspace, incidents. */
    private static Thread startFlowReport(VigilServer server, PrintWriter out) {
        Thread report = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Duration.ofSeconds(10).toMillis());
                    printFlowCounts(server, out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigil-demo-report");
        report.setDaemon(true);
        report.start();
        return report;
    }

    private static void printIncidentLatency(VigilServer server, PrintWriter out) {
        try {
            List<Object> row = server.logStore().query(VigilServer.DEFAULT_WORKSPACE, QueryRequest.of(FlowQueries.EVENT_TO_INCIDENT_LATENCY))
                    .tables().get(0).rows().get(0);
            if (row.get(1) instanceof Number p50 && row.get(2) instanceof Number p99) {
                out.printf("Device event -> incident over %s incidents: p50 %.0f ms, p99 %.0f ms%n", row.get(0), p50.doubleValue(), p99.doubleValue());
            }
        } catch (WorkspaceException e) {
            out.println("Device event -> incident latency: could not be computed (" + e.getMessage() + ")");
        }
    }

    private static void printFlowCounts(VigilServer server, PrintWriter out) {
        try {
            List<List<Object>> rows = server.logStore().query(VigilServer.DEFAULT_WORKSPACE, QueryRequest.of(FLOW_COUNTS_QUERY))
                    .tables().get(0).rows();
            StringBuilder line = new StringBuilder("Flow so far:");
            for (List<Object> row : rows) {
                line.append(' ').append(row.get(1)).append(' ').append(row.get(0)).append(';');
            }
            out.println(line.substring(0, line.length() - 1));
        } catch (WorkspaceException e) {
            out.println("Flow so far: could not count (" + e.getMessage() + ")");
        }
        out.flush();
    }
}
