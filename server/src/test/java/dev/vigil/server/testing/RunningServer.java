package dev.vigil.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerSettings;
import dev.vigil.server.VigilServer;
import dev.vigil.workspace.api.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The real Vigil server on a free loopback port over a temporary data directory, and a client for it. */
public final class RunningServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VigilServer server;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RunningServer(VigilServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    public static RunningServer start(Path dataDirectory) {
        return start(dataDirectory, settings -> settings);
    }

    /** Starts with settings derived from the defaults, e.g. a small body limit or queue. */
    public static RunningServer start(Path dataDirectory, UnaryOperator<ServerSettings> adjust) {
        return start(dataDirectory, adjust, Clock.systemUTC());
    }

    /** Starts with a clock the test controls, for expiry, timeouts and lockouts. */
    public static RunningServer start(Path dataDirectory, Clock clock) {
        return start(dataDirectory, settings -> settings, clock);
    }

    private static RunningServer start(Path dataDirectory, UnaryOperator<ServerSettings> adjust, Clock clock) {
        ServerSettings defaults = new ServerSettings(StorageSettings.defaults(dataDirectory), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES);
        VigilServer server = VigilServer.start(adjust.apply(defaults), clock);
        String key = server.initialAdminKey().orElseThrow(() -> new IllegalStateException("a fresh data directory issues an admin key"));
        return new RunningServer(server, key);
    }

    /** Starts again over a data directory of an earlier run, with the admin key that run issued. */
    public static RunningServer startExisting(Path dataDirectory, String apiKey) {
        ServerSettings settings = new ServerSettings(StorageSettings.defaults(dataDirectory), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES);
        return new RunningServer(VigilServer.start(settings), apiKey);
    }

    /** Starts again over a data directory of an earlier run, with that run's admin key and a clock the test controls. */
    public static RunningServer startExisting(Path dataDirectory, String apiKey, Clock clock) {
        ServerSettings settings = new ServerSettings(StorageSettings.defaults(dataDirectory), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES);
        return new RunningServer(VigilServer.start(settings, clock), apiKey);
    }

    /** Starts again on a data directory used before, which issues no admin key; requests then need a key of the test's own. */
    public static RunningServer reopen(Path dataDirectory) {
        ServerSettings defaults = new ServerSettings(StorageSettings.defaults(dataDirectory), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES);
        VigilServer server = VigilServer.start(defaults);
        return new RunningServer(server, "");
    }

    public VigilServer server() {
        return server;
    }

    public String apiKey() {
        return apiKey;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
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

    /** Creates a workspace through the admin API. */
    public void createWorkspace(String id) {
        HttpResponse<String> response = sendJson("POST", "/api/workspaces", apiKey, Map.of("id", id));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
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
        server.close();
    }
}
