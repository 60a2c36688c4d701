package dev.vigil.bench;

import dev.vigil.server.ServerSettings;
import dev.vigil.server.VigilServer;
import dev.vigil.server.simulator.FleetProvisioner;
import dev.vigil.server.simulator.FlowQueries;
import dev.vigil.server.simulator.Simulation;
import dev.vigil.server.simulator.SimulationReport;
import dev.vigil.server.simulator.SimulationSettings;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.StorageSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IoT alert → {@code SecurityAlert} row latency under the IoT bench load: the real server on a
 * fresh data directory, the simulated fleet's subscriptions connected to workspace
 * {@code default}, then rounds of unpaced device traffic (as {@code bench/run-iot}) in which every
 * round also plays the attack scenarios, so that alerts are raised and repeated while the
 * endpoints are saturated. The latency is the server's own {@code vigil.connector.iot.latency}
 * timer: from the moment an alert version is made to the return of the commit that holds its
 * row and the connector's checkpoint. "Create incidents" is on, so the run also gives device event
 * → incident latency: for each incident, from the event that raised its alert (the alert's first
 * {@code EndTime}, the device's clock, which is this machine's) to the incident's
 * {@code CreatedTime}, read back with KQL. Not JMH: a run is a fleet, not a method call.
 *
 * <pre>bench/run-connector [devices=8] [rounds=10] [seconds-per-round=6] [events-per-message=50] [messages-per-second=0, unpaced]</pre>
 */
public final class ConnectorLatencyBenchmark {
    private static final String WORKSPACE = "default";

    private ConnectorLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Duration round = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 6);
        int eventsPerMessage = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int subscriptions = 2;
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Path data = Files.createTempDirectory("vigil-connector-bench");
        try (VigilServer server = VigilServer.start(new ServerSettings(StorageSettings.defaults(data), "127.0.0.1", 0,
                ServerSettings.DEFAULT_MAX_BODY_BYTES))) {
            String key = server.initialAdminKey().orElseThrow();
            URI base = URI.create("http://127.0.0.1:" + server.port());
            SimulationSettings settings = SimulationSettings.defaults(base, key, server.mqttPort())
                    .withFleet(devices, Math.min(devices, 4), subscriptions)
                    .withBatching(eventsPerMessage, 8)
                    .withProgressInterval(Duration.ofHours(1));
            out.printf("%d devices on %d hubs in %d subscriptions, %d triggered events per message, %s, %d rounds of %ds "
                    + "each playing every attack scenario, %d cores%n", devices, Math.min(devices, 4), subscriptions, eventsPerMessage,
                    rate == 0 ? "unpaced" : rate + " messages/s", rounds, round.toSeconds(), Runtime.getRuntime().availableProcessors());
            // provisions the fleet (security monitoring on) and warms up
            Simulation.run(settings.withTraffic(Duration.ofSeconds(5), 0, false), quiet);
            HttpClient http = HttpClient.newHttpClient();
            for (int s = 0; s < subscriptions; s++) {
                HttpResponse<String> connected = send(http, base, key, "PUT",
                        "/api/workspaces/" + WORKSPACE + "/dataConnectors/IoT/subscriptions/" + FleetProvisioner.subscriptionId(s),
                        "{\"createIncidents\":true}");
                if (connected.statusCode() != 201) {
                    throw new IllegalStateException("connect failed: " + connected.statusCode() + " " + connected.body());
                }
            }
            long events = 0;
            Instant start = Instant.now();
            for (int r = 0; r < rounds; r++) {
                SimulationReport report = Simulation.run(settings.withTraffic(round, rate, true), quiet);
                events += report.progress().eventsAcknowledged();
            }
            Duration traffic = Duration.between(start, Instant.now());
            server.awaitDetection();
            Map<String, Double> metrics = awaitCaughtUp(http, base, key);
            out.printf("device traffic: %,d security events acknowledged in %.1fs (%,.0f events/s, attacks included)%n", events,
                    traffic.toMillis() / 1000.0, events / (traffic.toMillis() / 1000.0));
            out.printf("SecurityAlert rows streamed: %,.0f (alert versions measured: %,.0f)%n",
                    metrics.getOrDefault("vigil_connector_iot_rows_total", 0.0), metrics.getOrDefault("vigil_connector_iot_latency_seconds_count", 0.0));
            out.printf("alert -> SecurityAlert row latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    1000 * metrics.getOrDefault("vigil_connector_iot_latency_seconds{quantile=\"0.5\"}", Double.NaN),
                    1000 * metrics.getOrDefault("vigil_connector_iot_latency_seconds{quantile=\"0.99\"}", Double.NaN),
                    1000 * metrics.getOrDefault("vigil_connector_iot_latency_seconds_max", Double.NaN));
            server.awaitAnalytics();
            List<Object> incidents = server.logStore().query(WORKSPACE, QueryRequest.of(FlowQueries.EVENT_TO_INCIDENT_LATENCY)).tables().get(0).rows().get(0);
            out.printf("device event -> incident latency over %s incidents: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    incidents.get(0), number(incidents.get(1)), number(incidents.get(2)), number(incidents.get(3)));
            double commits = metrics.getOrDefault("vigil_ingest_commit_seconds_count", Double.NaN);
            out.printf("every workspace commit meanwhile (raw events, alerts, audit): %,.0f commits, mean %.1f ms, max %.1f ms%n", commits,
                    1000 * metrics.getOrDefault("vigil_ingest_commit_seconds_sum", Double.NaN) / commits,
                    1000 * metrics.getOrDefault("vigil_ingest_commit_seconds_max", Double.NaN));
            out.printf("submission -> commit, prompt lane (checkpointed: connector, rules, incidents): p50 %.1f ms, p99 %.1f ms; "
                            + "bulk lane (device events, audit): p50 %.1f ms, p99 %.1f ms%n",
                    laneWait(metrics, "prompt", "0.5"), laneWait(metrics, "prompt", "0.99"),
                    laneWait(metrics, "bulk", "0.5"), laneWait(metrics, "bulk", "0.99"));
        } finally {
            BenchWorkspace.deleteRecursively(data);
        }
    }

    private static double laneWait(Map<String, Double> metrics, String lane, String quantile) {
        return 1000 * metrics.getOrDefault("vigil_ingest_wait_seconds{lane=\"" + lane + "\",quantile=\"" + quantile + "\"}", Double.NaN);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Scrapes /metrics until the connector has handled every alert version, then returns the scrape. */
    private static Map<String, Double> awaitCaughtUp(HttpClient http, URI base, String key) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Double> metrics = scrape(http, base, key);
            if (metrics.getOrDefault("vigil_connector_iot_lag_versions", 1.0) == 0.0 || Instant.now().isAfter(deadline)) {
                return metrics;
            }
            Thread.sleep(100);
        }
    }

    /** The connector's and the group commit's samples on /metrics, by name with labels as Prometheus writes them. */
    private static Map<String, Double> scrape(HttpClient http, URI base, String key) throws InterruptedException, IOException {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : send(http, base, key, "GET", "/metrics", null).body().split("\n")) {
            if (!line.startsWith("vigil_connector_iot") && !line.startsWith("vigil_ingest_commit") && !line.startsWith("vigil_ingest_wait")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private static HttpResponse<String> send(HttpClient http, URI base, String key, String method, String path, String body)
            throws InterruptedException, IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
