package dev.vigil.server.api.watchlists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Watchlists through the real HTTP API, read back with KQL's _GetWatchlist as soon as each change is acknowledged. */
class TestWatchlists {
    private static final String WATCHLISTS = "/api/workspaces/default/watchlists";
    private static final String CSV = "IPAddress,Site,Owner\r\n10.9.0.4,Plant A,\"Doe, Jane\"\r\n10.9.0.5,Plant B,ops\r\n";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private HttpResponse<String> put(String alias, Map<String, Object> properties) {
        return server.sendJson("PUT", WATCHLISTS + "/" + alias, server.apiKey(), Map.of("properties", properties));
    }

    private static Map<String, Object> watchlist(String csv) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("displayName", "Expected addresses");
        properties.put("provider", "Plant IT");
        properties.put("source", "addresses.csv");
        properties.put("itemsSearchKey", "IPAddress");
        properties.put("contentType", "text/csv");
        properties.put("rawContent", csv);
        return properties;
    }

    private List<String> rows(String kql) {
        return RunningServer.rowsByColumnName(server.query(kql)).stream()
                .map(row -> row.path("SearchKey").asText() + " " + row.path("Site").asText() + " " + row.path("Owner").asText()).toList();
    }

    @Test
    void testEveryChangeIsInGetWatchlistAsSoonAsTheCallReturns() {
        HttpResponse<String> created = put("addresses", watchlist(CSV));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(rows("_GetWatchlist('addresses') | sort by SearchKey asc")).containsExactly("10.9.0.4 Plant A Doe, Jane", "10.9.0.5 Plant B ops");
        JsonNode columns = server.query("_GetWatchlist('addresses') | getschema | project ColumnName").path("rows");
        assertThat(columns.toString()).contains("_DTItemId", "LastUpdatedTimeUTC", "SearchKey", "IPAddress", "Site", "Owner");

        JsonNode items = RunningServer.json(server.get(WATCHLISTS + "/addresses/watchlistItems")).path("value");
        assertThat(items).hasSize(2);
        // item ids follow no order of the CSV's: find 10.9.0.4's by its value
        String first = StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.path("properties").path("itemsKeyValue").path("IPAddress").asText().equals("10.9.0.4"))
                .map(item -> item.path("name").asText()).findFirst().orElseThrow(() -> new AssertionError("no item for 10.9.0.4 in " + items));
        HttpResponse<String> updated = server.sendJson("PUT", WATCHLISTS + "/addresses/watchlistItems/" + first, server.apiKey(),
                Map.of("properties", Map.of("itemsKeyValue", Map.of("IPAddress", "10.9.0.4", "Site", "Plant C", "Owner", "ops"))));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        HttpResponse<String> added = server.sendJson("PUT", WATCHLISTS + "/addresses/watchlistItems/gateway", server.apiKey(),
                Map.of("properties", Map.of("itemsKeyValue", Map.of("IPAddress", "10.9.0.1", "Site", "Plant A", "Owner", "it"))));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(rows("_GetWatchlist('addresses') | sort by SearchKey asc")).containsExactly("10.9.0.1 Plant A it", "10.9.0.4 Plant C ops",
                "10.9.0.5 Plant B ops");

        assertThat(server.send(server.request(WATCHLISTS + "/addresses/watchlistItems/gateway").DELETE()).statusCode()).isEqualTo(200);
        assertThat(rows("_GetWatchlist('addresses') | sort by SearchKey asc")).containsExactly("10.9.0.4 Plant C ops", "10.9.0.5 Plant B ops");

        HttpResponse<String> replaced = put("addresses", watchlist("IPAddress,Site,Owner\n10.9.0.9,Plant D,ops\n"));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(rows("_GetWatchlist('addresses')")).containsExactly("10.9.0.9 Plant D ops");

        assertThat(server.send(server.request(WATCHLISTS + "/addresses").DELETE()).statusCode()).isEqualTo(200);
        assertThat(server.count("_GetWatchlist('addresses') | count")).isZero();
        assertThat(server.get(WATCHLISTS + "/addresses").statusCode()).isEqualTo(404);
    }

    @Test
    void testAWatchlistReadsInSentinelsShape() {
        assertThat(put("sites", watchlist(CSV)).statusCode()).isEqualTo(201);

        HttpResponse<String> read = server.get(WATCHLISTS + "/sites");
        JsonNode properties = RunningServer.json(read).path("properties");
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(RunningServer.json(read).path("type").asText()).isEqualTo("Microsoft.SecurityInsights/Watchlists");
        assertThat(properties.path("watchlistAlias").asText()).isEqualTo("sites");
        assertThat(properties.path("displayName").asText()).isEqualTo("Expected addresses");
        assertThat(properties.path("itemsSearchKey").asText()).isEqualTo("IPAddress");
        assertThat(properties.path("createdBy").path("name").asText()).isEqualTo("admin");
        assertThat(RunningServer.json(server.get(WATCHLISTS)).path("value")).extracting(w -> w.path("name").asText()).contains("sites");
        assertThat(RunningServer.json(server.get(WATCHLISTS + "/sites/watchlistItems")).path("value"))
                .extracting(item -> item.path("properties").path("itemsKeyValue").path("IPAddress").asText() + " "
                        + item.path("properties").path("itemsKeyValue").path("Owner").asText())
                .containsExactlyInAnyOrder("10.9.0.4 Doe, Jane", "10.9.0.5 ops");
    }

    @Test
    void testBadWatchlistsAreRefusedSayingWhereTheyAreWrong() {
        assertRefused(put("bad", Map.of("displayName", "x", "provider", "p", "itemsSearchKey", "Host", "rawContent", CSV)),
                "properties.itemsSearchKey", "'Host' is not a column");
        assertRefused(put("bad", Map.of("displayName", "x", "provider", "p", "itemsSearchKey", "IPAddress", "rawContent", "IPAddress,Site\n1,2\n3\n")),
                "properties.rawContent", "line 3 has 1 fields; the header has 2");
        assertRefused(put("bad", Map.of("displayName", "x", "provider", "p", "itemsSearchKey", "IPAddress", "rawContent", CSV, "colour", "red")),
                "properties.colour", "is not a member");
        assertRefused(put("bad", Map.of("displayName", "x", "provider", "p", "itemsSearchKey", "IPAddress", "rawContent", "IPAddress\n\"10.0.0.1\n")),
                "properties.rawContent", "not closed");
        assertThat(put("good", watchlist(CSV)).statusCode()).isEqualTo(201);
        HttpResponse<String> badItem = server.sendJson("PUT", WATCHLISTS + "/good/watchlistItems/x", server.apiKey(),
                Map.of("properties", Map.of("itemsKeyValue", Map.of("IPAddress", "10.0.0.1", "Site", "a"))));
        assertRefused(badItem, "properties.itemsKeyValue.Owner", "is required");
        assertThat(server.get(WATCHLISTS + "/bad").statusCode()).isEqualTo(404);
    }

    @Test
    void testAnyRoleReadsAndOnlyAContributorWrites() {
        assertThat(put("roles", watchlist(CSV)).statusCode()).isEqualTo(201);
        server.createUser("wendy", null);
        server.grant("wendy", "Responder", "/workspaces/default");
        String key = server.issueKey("wendy");

        assertThat(server.send(server.request(WATCHLISTS + "/roles/watchlistItems", key).GET()).statusCode()).isEqualTo(200);
        assertThat(server.sendJson("PUT", WATCHLISTS + "/roles", key, Map.of("properties", watchlist(CSV))).statusCode()).isEqualTo(403);
        assertThat(server.send(server.request(WATCHLISTS + "/roles", key).DELETE()).statusCode()).isEqualTo(403);
    }

    private static void assertRefused(HttpResponse<String> response, String path, String message) {
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("InvalidWatchlist");
        assertThat(error.path("innererror").path("path").asText()).isEqualTo(path);
        assertThat(error.path("message").asText()).contains(message);
    }
}
