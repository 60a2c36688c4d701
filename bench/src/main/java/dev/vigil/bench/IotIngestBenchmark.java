package dev.vigil.bench;

import dev.vigil.server.simulator.DeviceProtocol;
import dev.vigil.server.simulator.Simulation;
import dev.vigil.server.simulator.SimulationReport;
import dev.vigil.server.simulator.SimulationSettings;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Security events per second accepted durably by the device endpoints, and event → IoT alert
 * latency under that load: the real server in a process of its own ({@link IotBenchServer}) on a
 * fresh data directory, driven by the simulator's devices from this process as fast as
 * acknowledgements come back, while an {@link AlertLatencyProbe} device raises an alert every
 * 100 ms. An MQTT device's message counts once its QoS 1 PUBACK arrived, an HTTPS one's once its
 * 204 did; both are sent only after the rows are committed. Not JMH: a run is a fleet, not a method call.
 *
 * <pre>bench/run-iot [devices] [seconds] [events-per-message] [in-flight-per-device]</pre>
 */
public final class IotIngestBenchmark {
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

    private IotIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        int eventsPerMessage = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Path data = Files.createTempDirectory("vigil-iot-bench");
        try (IotBenchServer server = IotBenchServer.launch(data)) {
            SimulationSettings base = SimulationSettings.defaults(URI.create("http://127.0.0.1:" + server.port()),
                            server.adminKey(), server.mqttPort())
                    .withFleet(devices, Math.min(devices, 4), 1)
                    .withTraffic(duration, 0, false)
                    .withBatching(eventsPerMessage, inFlight)
                    .withProgressInterval(Duration.ofHours(1));
            out.printf("%d devices, %d triggered events per message (every 10th message a periodic snapshot of 5), "
                    + "%d messages in flight per device, %ds per run, %d cores; server in its own process; "
                    + "an alert probe every %d ms%n", devices, eventsPerMessage, inFlight, duration.toSeconds(),
                    Runtime.getRuntime().availableProcessors(), PROBE_INTERVAL.toMillis());
            Simulation.run(base.withTraffic(Duration.ofSeconds(5), 0, false).withProtocols(List.of(DeviceProtocol.MQTT)), quiet);
            Simulation.run(base.withTraffic(Duration.ofSeconds(5), 0, false).withProtocols(List.of(DeviceProtocol.HTTPS)), quiet);
            out.println("warm-up done");
            for (DeviceProtocol protocol : DeviceProtocol.values()) {
                SimulationReport unpaced = run(base.withProtocols(List.of(protocol)), protocol, "as fast as acknowledged", out, quiet);
                // Latency at half that load: a server that is not saturated, where the in-flight window is not the queue.
                int halfRate = (int) Math.max(1, unpaced.messagesPerSecond() / 2);
                run(base.withProtocols(List.of(protocol)).withTraffic(duration, halfRate, false), protocol,
                        "paced at " + halfRate + " messages/s", out, quiet);
            }
        } finally {
            BenchWorkspace.deleteRecursively(data);
        }
    }

    private static SimulationReport run(SimulationSettings settings, DeviceProtocol protocol, String pace, PrintWriter out, PrintWriter quiet)
            throws Exception {
        SimulationReport report;
        AlertLatencyProbe.Result latency;
        try (AlertLatencyProbe probe = AlertLatencyProbe.start(settings, protocol, PROBE_INTERVAL)) {
            report = Simulation.run(settings, quiet);
            latency = probe.finish(Duration.ofSeconds(10));
        }
        out.printf("%-5s %s: %,10.0f events/s  %,8.0f messages/s  (%,d events acknowledged in %.1fs, %d errors)%n", protocol, pace,
                report.eventsPerSecond(), report.messagesPerSecond(), report.progress().eventsAcknowledged(),
                report.traffic().toMillis() / 1000.0, report.progress().errors());
        out.printf("      probe acknowledged  p50 %.0f ms  p99 %.0f ms;  event -> alert raised  p50 %.0f ms  p99 %.0f ms  max %.0f ms;"
                + "  visible on the feed API  p50 %.0f ms  p99 %.0f ms  (%d of %d probes matched)%n", latency.acknowledgedPercentile(50),
                latency.acknowledgedPercentile(99), latency.raisedPercentile(50), latency.raisedPercentile(99),
                latency.raisedPercentile(100), latency.visiblePercentile(50), latency.visiblePercentile(99),
                latency.raisedMillis().size(), latency.sent());
        return report;
    }

}
