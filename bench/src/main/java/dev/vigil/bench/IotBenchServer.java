package dev.vigil.bench;

import dev.vigil.iot.endpoint.mqtt.MqttSettings;
import dev.vigil.iot.endpoint.tls.TlsIdentity;
import dev.vigil.server.IotSettings;
import dev.vigil.server.ServerSettings;
import dev.vigil.server.VigilServer;
import dev.vigil.server.tls.SelfSignedCertificate;
import dev.vigil.workspace.api.StorageSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The server of the IoT benchmark in a process of its own, so that the simulated devices do not
 * share its JVM: {@link #launch} starts it, it prints one {@code ready} line with its ports and admin
 * key, and it stops when its standard input closes.
 */
final class IotBenchServer implements AutoCloseable {
    /** Extra JVM options for the server process, e.g. {@code -XX:StartFlightRecording=filename=server.jfr}. */
    static final String JVM_OPTIONS_VARIABLE = "VIGIL_BENCH_SERVER_JVM";
    private static final String READY = "ready";

    private final Process process;
    private final int port;
    private final int mqttPort;
    private final String adminKey;
    private final int mqttTlsPort;

    private IotBenchServer(Process process, int port, int mqttPort, String adminKey, int mqttTlsPort) {
        this.process = process;
        this.port = port;
        this.mqttPort = mqttPort;
        this.adminKey = adminKey;
        this.mqttTlsPort = mqttTlsPort;
    }

    /** CPU time the server process has used so far, all its threads; zero where the platform does not tell. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Where the server of {@code data} keeps its self-signed certificate. */
    static Path tlsDirectory(Path data) {
        return data.resolve("tls");
    }

    /** The server process: runs until its standard input closes. */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        // MQTT over TLS beside plaintext, with a self-signed certificate the benchmark trusts (tlsDirectory)
        TlsIdentity certificate = SelfSignedCertificate.createOrLoad(tlsDirectory(data), IotSettings.DEFAULT_DOMAIN);
        ServerSettings settings = new ServerSettings(StorageSettings.defaults(data), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES,
                new IotSettings(IotSettings.DEFAULT_DOMAIN, new MqttSettings("127.0.0.1", 0, 0, Optional.of(certificate))));
        try (VigilServer server = VigilServer.start(settings)) {
            System.out.println(READY + " " + server.port() + " " + server.mqttPort() + " " + server.initialAdminKey().orElseThrow() + " "
                    + server.mqttTlsPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // waiting for the benchmark to close our input
            }
        }
    }

    /** Starts the server on {@code data} with this JVM's class path and waits until it listens. */
    static IotBenchServer launch(Path data) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv(JVM_OPTIONS_VARIABLE);
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IotBenchServer.class.getName(), data.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.startsWith(READY + " ")) {
            System.err.println("server: " + line);
        }
        if (line == null) {
            throw new IllegalStateException("the benchmark server exited before it was ready (exit code " + waitFor(process) + ")");
        }
        String[] fields = line.split(" ");
        Thread drain = new Thread(() -> output.lines().forEach(rest -> System.err.println("server: " + rest)), "bench-server-output");
        drain.setDaemon(true);
        drain.start();
        return new IotBenchServer(process, Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), fields[3], Integer.parseInt(fields[4]));
    }

    int port() {
        return port;
    }

    int mqttPort() {
        return mqttPort;
    }

    String adminKey() {
        return adminKey;
    }

    int mqttTlsPort() {
        return mqttTlsPort;
    }

    /** Closes the server's input, so it shuts down cleanly, and waits for it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        waitFor(process);
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }
}
