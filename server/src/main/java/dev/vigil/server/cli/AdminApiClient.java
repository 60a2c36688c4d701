package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a running Vigil server's admin API (users, roles, keys, workspaces) with an API key. */
final class AdminApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI server;
    private final String apiKey;

    AdminApiClient(URI server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** Sends the request and returns the answer's JSON (empty for 204); any other status than 2xx throws. */
    JsonNode send(String method, String path, Object body) throws QueryFailedException, InterruptedException {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new QueryFailedException(QueryApiClient.EXIT_UNREACHABLE, "cannot reach the Vigil server at " + server + ": " + e);
        }
        JsonNode answer = parse(response);
        if (response.statusCode() / 100 == 2) {
            return answer;
        }
        JsonNode error = answer.path("error");
        String message = error.path("message").asText("HTTP " + response.statusCode()) + " [" + error.path("code").asText("HTTP " + response.statusCode()) + "]";
        int exitCode = response.statusCode() == 401 ? QueryApiClient.EXIT_UNAUTHORIZED : QueryApiClient.EXIT_REJECTED;
        throw new QueryFailedException(exitCode, message);
    }

    private JsonNode parse(HttpResponse<String> response) throws QueryFailedException {
        if (response.body().isEmpty()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new QueryFailedException(QueryApiClient.EXIT_REJECTED, "the server answered " + response.statusCode() + " with a body that is not JSON");
        }
    }
}
