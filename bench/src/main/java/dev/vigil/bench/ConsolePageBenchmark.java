package dev.vigil.bench;

import dev.vigil.server.ServerSettings;
import dev.vigil.server.VigilServer;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.workspace.api.StorageSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Console pages as a signed-in user loads them: the real server on a data directory holding
 * {@link #incidents} incidents in workspace {@code default} and {@link #devices} devices on one IoT
 * hub (loaded once, through the server's own services and API, and kept under
 * {@code target/bench-data/console-pages-<incidents>-<devices>/} for every later fork and run: loading
 * 10,000 incidents one state-store write at a time takes minutes), each page fetched over loopback HTTP with the session cookie and rendered whole on the
 * server (templates, the domain calls behind them, the layout). JMH samples every call; read the
 * p0.99 line of each benchmark (the aim is under 50 ms). One client at a time: this is the time a
 * page takes, not how many pages the server serves at once.
 *
 * <pre>bench/run ConsolePageBenchmark                 # 10,000 incidents, 1,000 devices
 * bench/run ConsolePageBenchmark -p incidents=1000 -wi 1 -i 2 -r 2s   # a quick look</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ConsolePageBenchmark {
    private static final String SUBSCRIPTION = "bench-sub";
    private static final String HUB = "bench-hub";
    private static final String PASSWORD = "console-pages-passphrase";
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final String LOADED = "loaded";

    @Param({"10000"})
    public int incidents;

    @Param({"1000"})
    public int devices;

    private Path dataDirectory;
    private VigilServer server;
    private HttpClient http;
    private String cookie;
    private URI home;
    private URI queue;
    private URI deviceList;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        dataDirectory = Path.of(System.getProperty("vigil.bench.data", "target/bench-data")).toAbsolutePath()
                .resolve("console-pages-" + incidents + "-" + devices);
        boolean loaded = Files.exists(dataDirectory.resolve(LOADED));
        if (!loaded) {
            BenchWorkspace.deleteRecursively(dataDirectory);
            Files.createDirectories(dataDirectory);
        }
        server = VigilServer.start(new ServerSettings(StorageSettings.defaults(dataDirectory), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES));
        http = HttpClient.newHttpClient();
        if (!loaded) {
            load(server.initialAdminKey().orElseThrow());
            Files.writeString(dataDirectory.resolve(LOADED), incidents + " incidents, " + devices + " devices\n");
        }
        signIn();
        home = uri("/console/workspaces/default");
        queue = uri("/console/workspaces/default/incidents");
        deviceList = uri("/console/workspaces/default/iot/subscriptions/" + SUBSCRIPTION + "/resourceGroups/bench-rg/hubs/" + HUB + "/devices");
        for (URI page : new URI[] {home, queue, deviceList}) {
            String body = page(page);
            System.out.printf("%s: %,d characters%n", page.getPath(), body.length());
        }
    }

    /** Incidents through the incident service (as rules make them), the hub and devices and the signed-in user through the API. */
    private void load(String key) throws IOException, InterruptedException {
        for (int i = 0; i < incidents; i++) {
            IncidentSeverity severity = IncidentSeverity.values()[i % IncidentSeverity.values().length];
            server.incidents().create("default", NewIncident.of("bench-" + i, "Bench incident " + i + " on device-" + (i % devices), severity, "bench"));
        }
        String hub = "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/bench-rg/providers/Microsoft.Devices/IotHubs/" + HUB;
        send(key, "PUT", "/api/subscriptions/" + SUBSCRIPTION, "{\"displayName\":\"Bench\"}");
        send(key, "PUT", "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/bench-rg", "{}");
        send(key, "PUT", hub, "{\"properties\":{\"securitySettings\":{\"status\":\"Enabled\"}}}");
        for (int i = 0; i < devices; i++) {
            send(key, "PUT", hub + "/devices/device-" + i, "{}");
        }
        send(key, "POST", "/api/users", "{\"name\":\"bench\",\"password\":\"" + PASSWORD + "\"}");
        send(key, "POST", "/api/roleAssignments", "{\"user\":\"bench\",\"role\":\"Owner\",\"scope\":\"/\"}");
        server.incidents().allLogged("default").join();
    }

    private void signIn() throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(login.body());
        if (login.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("sign-in failed: " + login.statusCode() + " " + login.body());
        }
        cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public String homePage() throws IOException, InterruptedException {
        return page(home);
    }

    @Benchmark
    public String incidentQueue() throws IOException, InterruptedException {
        return page(queue);
    }

    @Benchmark
    public String deviceList() throws IOException, InterruptedException {
        return page(deviceList);
    }

    private String page(URI page) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void send(String key, String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
