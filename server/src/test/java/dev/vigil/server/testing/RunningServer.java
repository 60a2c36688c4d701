package dev.vigil.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.ServerSettings;
import dev.vigil.server.VigilServer;
import dev.vigil.workspace.api.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Vigil server on a free loopback port over a temporary data directory, and a client for it.
 *
 * <p>A test class registers one as a JUnit extension. Before the tests JUnit then makes a data
 * directory, starts the server on it and keeps its admin key; after them it closes the server and
 * deletes the directory:
 * <pre>{@code
 * @RegisterExtension
 * static final RunningServer server = RunningServer.perClass();  // one server for all the class's tests
 *
 * @RegisterExtension
 * final RunningServer server = RunningServer.perTest().withClock(clock);  // a fresh one for every test
 * }</pre>
 * A test whose server is configured unlike its neighbours' starts its own with {@link #start(Path, UnaryOperator)}.
 */
public final class RunningServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who starts and stops the server: JUnit once per class or once per test, or the test itself. */
    private enum Lifetime {
        PER_CLASS, PER_TEST, STARTED_BY_TEST
    }

    private final Lifetime lifetime;
    private final UnaryOperator<ServerSettings> adjust;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile Path dataDirectory;
    private volatile VigilServer server;
    private volatile String apiKey;

    private RunningServer(Lifetime lifetime, UnaryOperator<ServerSettings> adjust, Clock clock) {
        this.lifetime = lifetime;
        this.adjust = adjust;
        this.clock = clock;
    }

    /** One server for all tests of the class, for a {@code static} field with {@code @RegisterExtension}. */
    public static RunningServer perClass() {
        return new RunningServer(Lifetime.PER_CLASS, settings -> settings, Clock.systemUTC());
    }

    /** A fresh server and data directory for every test, for an instance field with {@code @RegisterExtension}. */
    public static RunningServer perTest() {
        return new RunningServer(Lifetime.PER_TEST, settings -> settings, Clock.systemUTC());
    }

    /** The same, but the server runs on a clock the test controls, for expiry, timeouts, lockouts and rule schedules. */
    public RunningServer withClock(Clock testClock) {
        requireNotStarted();
        return new RunningServer(lifetime, adjust, testClock);
    }

    /** The same, with settings derived from the defaults: lower limits, trusted proxies, ... */
    public RunningServer withSettings(UnaryOperator<ServerSettings> adjustment) {
        requireNotStarted();
        return new RunningServer(lifetime, adjustment, clock);
    }

    /** Starts now over the given (fresh) directory with settings derived from the defaults; the test closes it. */
    public static RunningServer start(Path dataDirectory, UnaryOperator<ServerSettings> adjust) {
        RunningServer started = new RunningServer(Lifetime.STARTED_BY_TEST, adjust, Clock.systemUTC());
        started.launch(dataDirectory);
        return started;
    }

    /**
     * Stops the server, if it runs, and starts it again over the same data directory with the same
     * settings and clock. A data directory used before issues no admin key; the first start's key
     * still works, so requests keep carrying it.
     */
    public void restart() {
        if (dataDirectory == null) {
            throw new IllegalStateException("the server has not started yet, so there is nothing to restart");
        }
        stop();
        server = VigilServer.start(settings(dataDirectory), clock);
    }

    /** Stops the server and keeps its data directory, e.g. for an offline command; {@link #restart()} starts it again. */
    public void stop() {
        VigilServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public VigilServer server() {
        VigilServer running = server;
        if (running == null) {
            throw new IllegalStateException("the server is not running: stopped, or not yet started by JUnit");
        }
        return running;
    }

    public String apiKey() {
        return apiKey;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server().port() + path);
    }

    /** A request to the path, already carrying the admin key. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + apiKey);
    }

    /** A request to the path carrying another key, e.g. one issued to a test user. */
    public HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key);
    }

    /** Sends a JSON body (or none, for a null body) with the given method and key. */
    public HttpResponse<String> sendJson(String method, String path, String key, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(toJson(body));
        return send(request(path, key).header("Content-Type", "application/json").method(method, publisher));
    }

    /** Creates a user through the admin API; the password may be null. */
    public void createUser(String name, String password) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("password", password);
        HttpResponse<String> response = sendJson("POST", "/api/users", apiKey, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Grants a role through the admin API and returns the assignment's id. */
    public String grant(String user, String role, String scope) {
        HttpResponse<String> response = sendJson("POST", "/api/roleAssignments", apiKey, Map.of("user", user, "role", role, "scope", scope));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asText();
    }

    /** Issues a key to the user through the admin API and returns its text. */
    public String issueKey(String user) {
        HttpResponse<String> response = sendJson("POST", "/api/users/" + user + "/keys", apiKey, Map.of("description", "test"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("key").asText();
    }

    /** Creates a custom table in the default workspace through the tables API, its columns given as name, KQL type, name, type... */
    public void createTable(String name, String... columnNamesAndTypes) {
        List<Map<String, String>> columns = new ArrayList<>();
        for (int i = 0; i + 1 < columnNamesAndTypes.length; i += 2) {
            columns.add(Map.of("name", columnNamesAndTypes[i], "type", columnNamesAndTypes[i + 1]));
        }
        HttpResponse<String> response = sendJson("POST", "/api/workspaces/default/tables", apiKey, Map.of("name", name, "columns", columns));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Creates a workspace through the admin API. */
    public void createWorkspace(String id) {
        HttpResponse<String> response = sendJson("POST", "/api/workspaces", apiKey, Map.of("id", id));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    /**
     * Writes rows into a table of workspace {@code default} the way Vigil's own writers do (the data
     * connector, rules, the audit trail), for tests that need rows of a table the ingestion API
     * refuses, such as {@code SecurityAlert}. Returns once they are committed.
     */
    public void writeAsVigil(String table, List<Map<String, Object>> rows) {
        try {
            server().logStore().ingest(VigilServer.DEFAULT_WORKSPACE, table, rows).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("writing " + rows.size() + " rows into " + table + " failed", e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, Object body) {
        return post(path, "application/json", toJson(body));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return http;
    }

    /** Runs a query that must succeed and returns its primary table. */
    public JsonNode query(String kql) {
        HttpResponse<String> response = postJson("/v1/workspaces/default/query", Map.of("query", kql));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("tables").path(0);
    }

    /** The single value of a query such as {@code T | count}. */
    public long count(String kql) {
        return query(kql).path("rows").path(0).path(0).asLong();
    }

    /** A query result table's rows as objects keyed by column name, for assertions by name. */
    public static List<JsonNode> rowsByColumnName(JsonNode table) {
        List<JsonNode> rows = new ArrayList<>();
        table.path("rows").forEach(row -> {
            ObjectNode named = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < row.size(); i++) {
                named.set(table.path("columns").path(i).path("name").asText(), row.get(i));
            }
            rows.add(named);
        });
        return rows;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (lifetime != Lifetime.PER_CLASS) {
            throw new IllegalStateException(context.getDisplayName() + ": RunningServer." + factoryName() + "() belongs on an instance field");
        }
        launch(Files.createTempDirectory("vigil-server-test-"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (lifetime == Lifetime.PER_TEST) {
            launch(Files.createTempDirectory("vigil-server-test-"));
        } else if (dataDirectory == null) {
            throw new IllegalStateException(context.getDisplayName() + ": RunningServer." + factoryName() + "() belongs on a static field");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (lifetime == Lifetime.PER_TEST) {
            shutDown();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (lifetime == Lifetime.PER_CLASS) {
            shutDown();
        }
    }

    private String factoryName() {
        return lifetime == Lifetime.PER_CLASS ? "perClass" : "perTest";
    }

    private void requireNotStarted() {
        if (dataDirectory != null) {
            throw new IllegalStateException("configure the server before it starts");
        }
    }

    private ServerSettings settings(Path directory) {
        return adjust.apply(new ServerSettings(StorageSettings.defaults(directory), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES));
    }

    private void launch(Path directory) {
        dataDirectory = directory;
        server = VigilServer.start(settings(directory), clock);
        apiKey = server.initialAdminKey().orElseThrow(() -> new IllegalStateException("a fresh data directory issues an admin key"));
    }

    /** Closes the server and deletes the data directory the extension made for it. */
    private void shutDown() throws IOException {
        Path directory = dataDirectory;
        dataDirectory = null;
        try {
            stop();
        } finally {
            if (directory != null) {
                deleteRecursively(directory);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
