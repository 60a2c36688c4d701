package dev.vigil.server.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.workspace.api.IngestionLimits;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values past what a row may hold are refused in Vigil's words, naming the row and the column. */
class TestIngestionValueLimits {
    private static final String TABLE = "Alerts_CL";
    private static final String ROWS = "/api/workspaces/default/tables/" + TABLE + "/rows";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @BeforeAll
    static void createTable() {
        server.createTable(TABLE, "SystemAlertId", "string", "AlertName", "string", "Description", "string", "ExtendedProperties", "dynamic");
    }

    private static JsonNode refusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidRows");
        return error.path("innererror").path("errors");
    }

    @Test
    void testAStringOverTheLimitIsRefusedWithItsRowAndColumn() {
        String tooLong = "x".repeat(IngestionLimits.MAX_TEXT_CHARS + 1);

        JsonNode errors = refusal(server.postJson(ROWS, List.of(
                Map.of("SystemAlertId", "long-0"),
                Map.of("SystemAlertId", "long-1", "Description", tooLong))));

        assertThat(errors.toString()).isEqualTo("[{\"row\":1,\"column\":\"Description\",\"reason\":"
                + "\"the value is longer than 1,048,576 characters, the most a string or dynamic value holds\"}]");
        assertThat(server.count("Alerts_CL | where SystemAlertId startswith \"long-\" | count")).isZero();
    }

    @Test
    void testAStringAtTheLimitIsStored() {
        String longest = "x".repeat(IngestionLimits.MAX_TEXT_CHARS);

        HttpResponse<String> response = server.postJson(ROWS, List.of(Map.of("SystemAlertId", "longest", "Description", longest)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(server.count("Alerts_CL | where SystemAlertId == \"longest\" | project n = strlen(Description)")).isEqualTo(longest.length());
    }

    @Test
    void testAnOverLongStringDeepInADynamicValueNamesTheTopColumn() {
        String ndjson = RunningServer.toJson(Map.of("SystemAlertId", "deep-0")) + "\n"
                + RunningServer.toJson(Map.of("SystemAlertId", "deep-1",
                        "ExtendedProperties", Map.of("evidence", List.of(Map.of("blob", "y".repeat(IngestionLimits.MAX_TEXT_CHARS + 1))))));

        JsonNode errors = refusal(server.post(ROWS, "application/x-ndjson", ndjson));

        assertThat(errors.path(0).path("row").asInt()).isEqualTo(1);
        assertThat(errors.path(0).path("column").asText()).isEqualTo("ExtendedProperties");
    }

    @Test
    void testValuesNestedPastTheParsersDepthAreRefusedInVigilsWords() {
        String body = "[{\"SystemAlertId\":\"nested\",\"ExtendedProperties\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}]";

        JsonNode errors = refusal(server.post(ROWS, "application/json", body));

        assertThat(errors.toString()).isEqualTo("[{\"row\":0,\"column\":\"ExtendedProperties\",\"reason\":"
                + "\"the value nests objects and arrays more than 1,000 deep\"}]");
    }

    @Test
    void testALoneSurrogateIsRefusedWithItsRowAndColumn() {
        String body = "[{\"SystemAlertId\":\"surrogate-0\"},{\"SystemAlertId\":\"surrogate-1\",\"AlertName\":\"x\\ud800y\"}]";

        JsonNode errors = refusal(server.post(ROWS, "application/json", body));

        assertThat(errors.path(0).path("row").asInt()).isEqualTo(1);
        assertThat(errors.path(0).path("column").asText()).isEqualTo("AlertName");
        assertThat(errors.path(0).path("reason").asText()).startsWith("the value holds a lone surrogate \\uD800 at character 2");
    }

    @Test
    void testBytesThatAreNotUtf8AreRefusedAsBadJsonWithTheirPlace() {
        JsonNode error = badJson(bytes("[{\"SystemAlertId\":\"not-utf8\",\"AlertName\":\"x", 0xFF, "y\"}]"));

        assertThat(error.path("innererror").path("line").asInt()).isEqualTo(1);
        assertThat(error.path("innererror").path("column").asInt()).isEqualTo(45);
    }

    @Test
    void testASurrogateEncodedAsUtf8BytesIsRefusedAsBadJsonWithItsPlace() {
        // ED A0 80 is how CESU-8 writes U+D800: not UTF-8, and some decoders would pass it on as a lone surrogate
        JsonNode error = badJson(bytes("[{\"SystemAlertId\":\"cesu\",\"AlertName\":\"x", 0xED, 0xA0, 0x80, "y\"}]"));

        assertThat(error.path("message").asText()).contains("Illegal surrogate character 0xd800");
        assertThat(error.path("innererror").path("column").asInt()).isEqualTo(43);
        assertThat(server.count("Alerts_CL | where SystemAlertId == \"cesu\" | count")).isZero();
    }

    private static JsonNode badJson(byte[] body) {
        HttpResponse<String> response = server.send(server.request(ROWS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidJson");
        return error;
    }

    /** Text and single bytes, in order, as one body. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void testNulAndControlCharactersAreStoredAsSent() {
        String body = "[{\"SystemAlertId\":\"controls\",\"Description\":\"nul\\u0000 bell\\u0007 tab\\t pair\\ud83d\\ude00\"}]";

        HttpResponse<String> response = server.post(ROWS, "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = server.query("Alerts_CL | where SystemAlertId == \"controls\" | project Description").path("rows");
        assertThat(rows.path(0).path(0).asText()).isEqualTo("nul\u0000 bell\u0007 tab\t pair\uD83D\uDE00");
    }
}
