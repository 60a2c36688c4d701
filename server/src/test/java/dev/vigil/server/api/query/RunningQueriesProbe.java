package dev.vigil.server.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the query-governance tests share: a query that runs for minutes, and ways to watch queries run. */
final class RunningQueriesProbe {
    /** A cartesian join of 300,000 rows with 300,000: minutes of work unless something stops it. */
    static final String CARTESIAN = "range x from 1 to 300000 step 1 | extend k = 1"
            + " | join kind=inner (range y from 1 to 300000 step 1 | extend k = 1) on k | count";
    static final String QUERY = "/v1/workspaces/default/query";
    static final String QUERIES = "/v1/workspaces/default/queries";

    private RunningQueriesProbe() {
    }

    /** Sends the query without waiting for its answer, under the id the caller chose. */
    static CompletableFuture<HttpResponse<String>> start(RunningServer server, String key, String id, String kql) {
        HttpRequest request = server.request(QUERY, key).header("Content-Type", "application/json").header("x-ms-client-request-id", id)
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", kql)))).build();
        return server.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The ids of the running queries the key's user may see. */
    static List<String> runningIds(RunningServer server, String key) {
        HttpResponse<String> response = server.send(server.request(QUERIES, key).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("listing the running queries answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode query : RunningServer.json(response).path("value")) {
            ids.add(query.path("id").asText());
        }
        return ids;
    }

    static void awaitRunning(RunningServer server, String id) {
        Eventually.await("query '" + id + "' running", () -> runningIds(server, server.apiKey()), ids -> ids.contains(id));
    }

    static void awaitGone(RunningServer server, String id) {
        Eventually.await("query '" + id + "' no longer running", () -> runningIds(server, server.apiKey()), ids -> !ids.contains(id));
    }

    /** A sample on /metrics such as {@code vigil_queries_cancelled_total{reason="timed_out"}}, 0 before it appears. */
    static double metric(RunningServer server, String sample) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(server.get("/metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
