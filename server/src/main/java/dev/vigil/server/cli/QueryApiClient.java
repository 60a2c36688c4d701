package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls a Vigil server's query and explain APIs over HTTP, as any Log Analytics client would. */
final class QueryApiClient {
    static final int EXIT_UNREACHABLE = 3;
    static final int EXIT_REJECTED = 4;
    static final int EXIT_UNAUTHORIZED = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI server;
    private final String apiKey;

    QueryApiClient(URI server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** The primary result table: {@code {"name","columns","rows"}}. */
    JsonNode query(String workspace, String kql, String timespan) throws QueryFailedException, InterruptedException {
        return post("/v1/workspaces/" + workspace + "/query", kql, timespan).path("tables").path(0);
    }

    /** The query's explanation without running it: {@code {"plan","sql","columns"}}. */
    JsonNode explain(String workspace, String kql, String timespan) throws QueryFailedException, InterruptedException {
        return post("/v1/workspaces/" + workspace + "/explain", kql, timespan);
    }

    /** Posts {@code {"query","timespan"}} and returns the answer of a 200; any other answer throws, describing the error. */
    private JsonNode post(String path, String kql, String timespan) throws QueryFailedException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("query", kql);
        if (timespan != null) {
            body.put("timespan", timespan);
        }
        URI uri = server.resolve(path);
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new QueryFailedException(EXIT_UNREACHABLE, "cannot reach the Vigil server at " + server + ": " + e);
        }
        JsonNode answer = parse(response);
        if (response.statusCode() == 200) {
            return answer;
        }
        int exitCode = response.statusCode() == 401 ? EXIT_UNAUTHORIZED : EXIT_REJECTED;
        throw new QueryFailedException(exitCode, describeError(answer, response.statusCode(), kql));
    }

    private JsonNode parse(HttpResponse<String> response) throws QueryFailedException {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new QueryFailedException(EXIT_REJECTED, "the server answered " + response.statusCode() + " with a body that is not JSON");
        }
    }

    /** The error's message with the query line it points at, then any further KQL diagnostics as {@code line L:C: message}. */
    private static String describeError(JsonNode answer, int status, String kql) {
        JsonNode error = answer.path("error");
        StringBuilder text = new StringBuilder(error.path("message").asText("HTTP " + status));
        String code = error.path("code").asText("");
        if (!code.isEmpty()) {
            text.append(" [").append(code).append(']');
        }
        JsonNode inner = error.path("innererror");
        if (inner.path("line").canConvertToInt() && inner.path("pos").canConvertToInt()) {
            text.append(pointAt(kql, inner.path("line").asInt(), inner.path("pos").asInt()));
        }
        JsonNode diagnostics = inner.path("diagnostics");
        for (int i = 1; i < diagnostics.size(); i++) {
            JsonNode d = diagnostics.get(i);
            text.append("\nline ").append(d.path("line").asInt()).append(':').append(d.path("pos").asInt())
                    .append(": ").append(d.path("message").asText());
        }
        return text.toString();
    }

    /** The query's line and a caret under the column, or nothing if the position is not in the text. */
    private static String pointAt(String kql, int line, int column) {
        String[] lines = kql.split("\\R", -1);
        if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length() + 1) {
            return "";
        }
        return "\n  " + lines[line - 1] + "\n  " + " ".repeat(column - 1) + "^";
    }
}
