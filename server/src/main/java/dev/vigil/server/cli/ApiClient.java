package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a running Vigil server's HTTP API with an API key; the one HTTP client of the CLI. */
final class ApiClient {
    /** A status and the JSON body of an answer (an empty object for an empty body). */
    record Answer(int status, JsonNode body) {
        boolean succeeded() {
            return status / 100 == 2;
        }

        /** The exit code of a command that got this answer as a failure. */
        int failureExitCode() {
            return status == 401 ? CommandFailedException.EXIT_UNAUTHORIZED : CommandFailedException.EXIT_REJECTED;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI server;
    private final String apiKey;

    ApiClient(URI server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** Sends the request and returns the answer's JSON; any status but 2xx throws with the server's message and code. */
    JsonNode send(String method, String path, Object body) throws CommandFailedException, InterruptedException {
        Answer answer = exchange(method, path, body);
        if (answer.succeeded()) {
            return answer.body();
        }
        JsonNode error = answer.body().path("error");
        String status = "HTTP " + answer.status();
        throw new CommandFailedException(answer.failureExitCode(),
                error.path("message").asText(status) + " [" + error.path("code").asText(status) + "]");
    }

    /** Sends the request and returns whatever the server answered; throws only when there is no JSON answer. */
    Answer exchange(String method, String path, Object body) throws CommandFailedException, InterruptedException {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CommandFailedException(CommandFailedException.EXIT_UNREACHABLE, "cannot reach the Vigil server at " + server + ": " + e);
        }
        return new Answer(response.statusCode(), parse(response));
    }

    private JsonNode parse(HttpResponse<String> response) throws CommandFailedException {
        if (response.body().isEmpty()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new CommandFailedException(CommandFailedException.EXIT_REJECTED,
                    "the server answered " + response.statusCode() + " with a body that is not JSON");
        }
    }
}
