package dev.vigil.server.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestIngestionRoutes {
    private static final AtomicInteger TABLES = new AtomicInteger();

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    /** A fresh custom table: DeviceId string, Temperature real, Readings long, LastSeen datetime. */
    private static String newTable() {
        String name = "Readings" + TABLES.incrementAndGet() + "_CL";
        server.createTable(name, "DeviceId", "string", "Temperature", "real", "Readings", "long", "LastSeen", "datetime");
        return name;
    }

    private static String rowsPath(String table) {
        return "/api/workspaces/default/tables/" + table + "/rows";
    }

    @Test
    void testIngestedRowsComeBackFromTheQueryApi() {
        String table = newTable();
        List<Map<String, Object>> readings = List.of(
                Map.of("DeviceId", "round-trip-1", "Temperature", 21.5, "Readings", 3),
                Map.of("DeviceId", "round-trip-2", "Temperature", 19, "LastSeen", "2026-11-28T10:00:00Z"));

        HttpResponse<String> response = server.postJson(rowsPath(table), readings);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("rowsCommitted").asInt()).isEqualTo(2);
        JsonNode result = server.query(table + " | project DeviceId, Temperature, LastSeen | sort by DeviceId asc");
        assertThat(result.path("name").asText()).isEqualTo("PrimaryResult");
        assertThat(result.path("columns").toString())
                .isEqualTo("[{\"name\":\"DeviceId\",\"type\":\"string\"},{\"name\":\"Temperature\",\"type\":\"real\"},"
                        + "{\"name\":\"LastSeen\",\"type\":\"datetime\"}]");
        assertThat(result.path("rows").toString()).isEqualTo(
                "[[\"round-trip-1\",21.5,null],[\"round-trip-2\",19.0,\"2026-11-28T10:00:00Z\"]]");
    }

    @Test
    void testNdjsonRowsAreIngestedOnePerLine() {
        String table = newTable();
        String body = "{\"DeviceId\":\"gw-1\",\"Temperature\":21.5,\"Readings\":3}\n"
                + "\n"
                + "{\"DeviceId\":\"gw-2\",\"Temperature\":19,\"Readings\":4}\n";

        HttpResponse<String> response = server.post(rowsPath(table), "application/x-ndjson", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("rowsCommitted").asInt()).isEqualTo(2);
        assertThat(server.query(table + " | summarize total = sum(Readings)").path("rows").path(0).path(0).asLong()).isEqualTo(7);
    }

    @Test
    void testEveryBadRowIsReportedAndNothingIsWritten() {
        String table = newTable();
        List<Object> rows = List.of(
                Map.of("DeviceId", "ok-1", "Readings", 1),
                Map.of("DeviceId", "bad-1", "Readings", "many"),
                Map.of("DeviceId", "bad-2", "Colour", "red"),
                Map.of("DeviceId", "bad-3", "LastSeen", "yesterday"));

        HttpResponse<String> response = server.postJson(rowsPath(table), rows);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidRows");
        JsonNode errors = error.path("innererror").path("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("column").asText()).isEqualTo("Readings");
        assertThat(errors.get(1).path("row").asInt()).isEqualTo(2);
        assertThat(errors.get(1).path("column").asText()).isEqualTo("Colour");
        assertThat(errors.get(2).path("row").asInt()).isEqualTo(3);
        assertThat(errors.get(2).path("column").asText()).isEqualTo("LastSeen");
        assertThat(errors.get(2).path("reason").asText()).isNotBlank();
        assertThat(server.count(table + " | count")).isZero();
    }

    @Test
    void testNdjsonBadRowsGetTheSameErrorsAsTheSameRowsInAnArray() {
        String table = newTable();
        List<String> lines = List.of("{\"DeviceId\":\"ok-1\",\"Readings\":1}", "{\"DeviceId\":\"bad-1\",\"Readings\":\"many\"}",
                "42", "{\"DeviceId\":\"bad-3\",\"LastSeen\":\"yesterday\",\"Colour\":\"red\"}");

        HttpResponse<String> asArray = server.post(rowsPath(table), "application/json", "[" + String.join(",", lines) + "]");
        HttpResponse<String> asLines = server.post(rowsPath(table), "application/x-ndjson", String.join("\n", lines) + "\n");

        assertThat(asLines.statusCode()).as(asLines.body()).isEqualTo(400);
        assertThat(asArray.statusCode()).as(asArray.body()).isEqualTo(400);
        assertThat(RunningServer.json(asLines).path("error")).isEqualTo(RunningServer.json(asArray).path("error"));
        // 42 is not an object: the reader refuses it before the values are looked at
        assertThat(RunningServer.json(asLines).path("error").path("innererror").path("errors").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(server.count(table + " | count")).isZero();
    }

    @Test
    void testNdjsonValuesThatNeedCoercionAreStoredAsTheSameRowsInAnArrayAre() {
        String table = newTable();
        String line1 = "{\"DeviceId\":\"c-1\",\"Temperature\":\"21.5\",\"Readings\":\"7\",\"LastSeen\":\"2026-11-28T10:00:00.1234567Z\"}";
        String line2 = "{\"DeviceId\":{\"nested\":true},\"Temperature\":3,\"LastSeen\":null}";

        HttpResponse<String> asLines = server.post(rowsPath(table), "application/x-ndjson", line1 + "\n" + line2 + "\n");
        HttpResponse<String> asArray = server.post(rowsPath(table), "application/json", "[" + line1 + "," + line2 + "]");

        assertThat(asLines.statusCode()).as(asLines.body()).isEqualTo(200);
        assertThat(asArray.statusCode()).as(asArray.body()).isEqualTo(200);
        JsonNode rows = server.query(table + " | project DeviceId, Temperature, Readings, LastSeen | sort by DeviceId asc").path("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(rows.get(1));
        assertThat(rows.get(2)).isEqualTo(rows.get(3));
        assertThat(rows.get(0).toString()).isEqualTo("[\"c-1\",21.5,7,\"2026-11-28T10:00:00.1234567Z\"]");
    }

    @Test
    void testValuesThatAreNotObjectsAreRowErrors() {
        String table = newTable();

        HttpResponse<String> response = server.post(rowsPath(table), "application/json", "[{\"DeviceId\":\"a\"}, 42, [1], \"text\"]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = RunningServer.json(response).path("error").path("innererror").path("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("reason").asText()).contains("a number");
        assertThat(errors.get(1).path("reason").asText()).contains("an array");
        assertThat(errors.get(2).path("row").asInt()).isEqualTo(3);
        assertThat(server.count(table + " | count")).isZero();
    }

    @Test
    void testMalformedJsonIsRefusedWithItsLineAndColumn() {
        String table = newTable();

        HttpResponse<String> response = server.post(rowsPath(table), "application/json", "[\n  {\"DeviceId\": \"a\"},\n  {\"DeviceId\" \"b\"}\n]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidJson");
        assertThat(error.path("innererror").path("line").asInt()).isEqualTo(3);
        assertThat(error.path("innererror").path("column").asInt()).isEqualTo(15);
        assertThat(error.path("message").asText()).contains("line 3, column 15");
    }

    @Test
    void testMalformedNdjsonLineIsRefusedWithItsLine() {
        String table = newTable();

        HttpResponse<String> response = server.post(rowsPath(table), "application/x-ndjson", "{\"DeviceId\":\"a\"}\n{\"DeviceId\":}\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("innererror").path("line").asInt()).isEqualTo(2);
        assertThat(server.count(table + " | count")).isZero();
    }

    @Test
    void testABodyThatIsNotAnArrayIsRefused() {
        HttpResponse<String> response = server.post(rowsPath(newTable()), "application/json", "{\"DeviceId\":\"a\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("expected a JSON array");
    }

    @Test
    void testUnknownTableIsNotFound() {
        HttpResponse<String> response = server.postJson(rowsPath("NoSuchTable_CL"), List.of(Map.of("A", 1)));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("TableNotFound");
    }

    @Test
    void testUnknownWorkspaceIsNotFound() {
        HttpResponse<String> response = server.postJson("/api/workspaces/nowhere/tables/SecurityAlert/rows", List.of(Map.of("AlertName", "x")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("WorkspaceNotFound");
    }

    @Test
    void testOtherContentTypesAreUnsupported() {
        HttpResponse<String> response = server.post(rowsPath(newTable()), "text/csv", "DeviceId\na\n");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("UnsupportedMediaType");
    }
}
