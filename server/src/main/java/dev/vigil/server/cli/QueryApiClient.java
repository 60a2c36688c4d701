package dev.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls a Vigil server's query and explain APIs, as any Log Analytics client would, and describes KQL errors. */
final class QueryApiClient {
    private final ApiClient api;

    QueryApiClient(ApiClient api) {
        this.api = api;
    }

    /** The answer: {@code {"tables":[{"name","columns","rows"}]}}, and {@code "error"} when the rows are partial. */
    JsonNode query(String workspace, String kql, String timespan) throws CommandFailedException, InterruptedException {
        return post("/v1/workspaces/" + workspace + "/query", kql, timespan);
    }

    /** The query's explanation without running it: {@code {"plan","sql","columns"}}. */
    JsonNode explain(String workspace, String kql, String timespan) throws CommandFailedException, InterruptedException {
        return post("/v1/workspaces/" + workspace + "/explain", kql, timespan);
    }

    /** Posts {@code {"query","timespan"}} and returns the answer of a 2xx; any other answer throws, pointing into the query. */
    private JsonNode post(String path, String kql, String timespan) throws CommandFailedException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("query", kql);
        if (timespan != null) {
            body.put("timespan", timespan);
        }
        ApiClient.Answer answer = api.exchange("POST", path, body);
        if (answer.succeeded()) {
            return answer.body();
        }
        throw new CommandFailedException(answer.failureExitCode(), describeError(answer.body(), answer.status(), kql));
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
