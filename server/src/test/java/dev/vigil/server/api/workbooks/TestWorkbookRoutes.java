package dev.vigil.server.api.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workbooks through the real HTTP API, evaluated over real rows of Sentinel's tables. */
class TestWorkbookRoutes {
    private static final String WORKBOOKS = "/api/workspaces/default/workbooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @BeforeAll
    static void writeData() {
        Instant now = Instant.now();
        server.writeAsVigil("SecurityAlert", WorkbookData.alerts(now, 3, 2));
        server.writeAsVigil("SecurityIoTRawEvent", WorkbookData.rawEvents(now, 12));
        server.writeAsVigil("SecurityIncident", WorkbookData.incidents(now, 3));
    }

    private static JsonNode template(String id) {
        HttpResponse<String> read = server.get("/api/workspaces/default/workbookTemplates/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return RunningServer.json(read);
    }

    private static JsonNode evaluate(String id, Map<String, Object> parameters) {
        HttpResponse<String> evaluated = server.sendJson("POST", WORKBOOKS + "/" + id + "/evaluate", server.apiKey(), Map.of("parameters", parameters));
        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
        return RunningServer.json(evaluated);
    }

    private static JsonNode item(JsonNode evaluation, String name) {
        for (JsonNode item : evaluation.path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no item " + name + " in " + evaluation);
    }

    /** The item's rows as "value value ..." lines. */
    private static List<String> rows(JsonNode item) {
        List<String> rows = new ArrayList<>();
        item.path("tables").path(0).path("rows").forEach(row -> {
            List<String> values = new ArrayList<>();
            row.forEach(value -> values.add(value.asText()));
            rows.add(String.join(" ", values));
        });
        return rows;
    }

    private static void save(String id, Object body, int status) {
        HttpResponse<String> saved = server.sendJson("PUT", WORKBOOKS + "/" + id, server.apiKey(), body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(status);
    }

    @Test
    void testAWorkbookIsSavedReadListedReplacedAndDeletedAsADocumentKeptAsWritten() throws Exception {
        String document = "{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,\"content\":{\"json\":\"# Shift notes\"},\"name\":\"notes\","
                + "\"someFutureSetting\":{\"kept\":true}}],\"fallbackResourceIds\":[\"Azure Monitor\"]}";
        save("shift", Map.of("properties", Map.of("displayName", "Shift", "serializedData", document)), 201);

        HttpResponse<String> read = server.get(WORKBOOKS + "/shift");
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode properties = RunningServer.json(read).path("properties");
        assertThat(properties.path("displayName").asText()).isEqualTo("Shift");
        assertThat(JSON.readTree(properties.path("serializedData").asText())).isEqualTo(JSON.readTree(document));
        assertThat(RunningServer.json(server.get(WORKBOOKS)).path("value")).extracting(workbook -> workbook.path("name").asText()).contains("shift");

        HttpResponse<String> stale = server.send(server.request(WORKBOOKS + "/shift").header("If-Match", "\"7\"").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("properties", Map.of("displayName", "Shift 2",
                        "serializedData", document))))));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        save("shift", Map.of("properties", Map.of("displayName", "Shift 2", "serializedData", document)), 200);
        assertThat(RunningServer.json(server.get(WORKBOOKS + "/shift")).path("etag").asText()).isEqualTo("\"2\"");

        assertThat(server.send(server.request(WORKBOOKS + "/shift").DELETE()).statusCode()).isEqualTo(200);
        assertThat(server.get(WORKBOOKS + "/shift").statusCode()).isEqualTo(404);
    }

    @Test
    void testATemplateImportsAsPublishedBareOrInAnArmTemplate() throws Exception {
        String document = template("soc-overview").path("properties").path("serializedData").asText();
        save("bare", JSON.readTree(document), 201);
        Map<String, Object> arm = Map.of("contentVersion", "1.0.0.0", "resources", List.of(Map.of("type", "microsoft.insights/workbooks",
                "name", "[newGuid()]", "properties", Map.of("displayName", "SOC from ARM", "serializedData", document))));
        save("from-arm", arm, 201);

        JsonNode fromArm = RunningServer.json(server.get(WORKBOOKS + "/from-arm")).path("properties");
        assertThat(fromArm.path("displayName").asText()).isEqualTo("SOC from ARM");
        assertThat(JSON.readTree(fromArm.path("serializedData").asText())).isEqualTo(JSON.readTree(document));
        assertThat(RunningServer.json(server.get(WORKBOOKS + "/bare")).path("properties").path("displayName").asText()).isEqualTo("bare");
    }

    @Test
    void testABadDocumentIsRefusedNamingWhere() {
        HttpResponse<String> refused = server.sendJson("PUT", WORKBOOKS + "/bad", server.apiKey(), Map.of("version", "Notebook/1.0", "items",
                List.of(Map.of("type", 12, "content", Map.of("items", List.of(Map.of("type", "text")))))));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidWorkbook");
        assertThat(error.path("innererror").path("path").asText()).isEqualTo("items[0].content.items[0].type");

        HttpResponse<String> badSetting = server.sendJson("PUT", WORKBOOKS + "/bad", server.apiKey(), Map.of("version", "Notebook/1.0", "items",
                List.of(Map.of("type", 3, "content", Map.of("query", "SecurityAlert | count", "gridSettings", Map.of("formatters", List.of(
                        Map.of("columnMatch", "Count", "formatter", 8, "formatOptions", Map.of("min", "lowest")))))))));
        assertThat(badSetting.statusCode()).as(badSetting.body()).isEqualTo(400);
        assertThat(RunningServer.json(badSetting).path("error").path("innererror").path("path").asText())
                .isEqualTo("items[0].content.gridSettings.formatters[0].formatOptions.min");
        assertThat(server.get(WORKBOOKS + "/bad").statusCode()).as("nothing was saved").isEqualTo(404);
    }

    @Test
    void testTheIotTemplateRunsEveryTabOnTheWorkspacesData() {
        save("iot", JSON.valueToTree(Map.of("properties", Map.of("displayName", "IoT", "serializedData",
                template("iot-security").path("properties").path("serializedData").asText()))), 201);

        for (String tab : List.of("alerts", "devices", "incidents")) {
            JsonNode evaluation = evaluate("iot", Map.of("Tab", tab));
            for (JsonNode item : evaluation.path("items")) {
                assertThat(item.path("status").asText()).as(tab + ": " + item).isIn("ok", "hidden");
            }
        }
        JsonNode devices = evaluate("iot", Map.of("Tab", "devices"));
        assertThat(rows(item(devices, "query - top hubs"))).containsExactly("hub-a 3", "hub-b 2");
        assertThat(rows(item(devices, "query - top devices"))).containsExactly("plc-1 hub-a 3 3", "plc-2 hub-b 2 0");
        assertThat(item(devices, "query - alerts over time").path("status").asText()).isEqualTo("hidden");

        JsonNode highOnHubA = evaluate("iot", Map.of("Severity", List.of("High"), "Hub", List.of("hub-a")));
        assertThat(rows(item(highOnHubA, "query - alerts by severity tiles"))).containsExactly("High 3");
        assertThat(rows(item(highOnHubA, "query - tactics"))).containsExactlyInAnyOrder("CredentialAccess 3", "InitialAccess 3");
        assertThat(item(highOnHubA, "query - alerts by severity tiles").path("query").asText()).contains("in ('High')").contains("in ('hub-a')");
        assertThat(evaluate("iot", Map.of("Hub", List.of("hub-b"))).path("items")).filteredOn(item -> item.path("name").asText()
                .equals("query - alerts by severity tiles")).first().satisfies(item -> assertThat(rows(item)).containsExactly("Medium 2"));

        JsonNode incidents = evaluate("iot", Map.of("Tab", "incidents"));
        assertThat(rows(item(incidents, "query - incidents by status"))).containsExactlyInAnyOrder("Closed 2", "New 1");
    }

    @Test
    void testTheSocOverviewRunsOnTheWorkspacesData() {
        save("soc", JSON.valueToTree(Map.of("properties", Map.of("displayName", "SOC", "serializedData",
                template("soc-overview").path("properties").path("serializedData").asText()))), 201);

        JsonNode evaluation = evaluate("soc", Map.of("TimeRange", "P7D"));
        for (JsonNode item : evaluation.path("items")) {
            assertThat(item.path("status").asText()).as(item.toString()).isEqualTo("ok");
        }
        assertThat(rows(item(evaluation, "query - ingestion by table"))).contains("SecurityAlert 5", "SecurityIoTRawEvent 12");
        assertThat(rows(item(evaluation, "query - response times"))).singleElement().asString().isEqualTo("High 3 10.0 30.0 2");
    }

    @Test
    void testUnsupportedItemsAndSourcesComeBackAsNoticesBesideTheRest() {
        Map<String, Object> document = Map.of("version", "Notebook/1.0", "items", List.of(
                Map.of("type", 3, "name", "graph", "content", Map.of("query", "resources | count", "queryType", 1)),
                Map.of("type", 10, "name", "metrics", "content", Map.of("chartId", "m")),
                Map.of("type", 3, "name", "app insights", "content", Map.of("query", "requests | count", "resourceType", "microsoft.insights/components")),
                Map.of("type", 3, "name", "count", "content", Map.of("query", "SecurityAlert | count"))));
        save("mixed", document, 201);

        JsonNode evaluation = evaluate("mixed", Map.of());

        assertThat(evaluation.path("items")).extracting(item -> item.path("name").asText() + " " + item.path("status").asText())
                .containsExactly("graph unsupported", "metrics unsupported", "app insights unsupported", "count ok");
        assertThat(item(evaluation, "graph").path("message").asText()).contains("Azure Resource Graph");
        assertThat(rows(item(evaluation, "count"))).containsExactly("5");
    }

    @Test
    void testEvaluationRefusesAnUnknownParameter() {
        save("plain", Map.of("version", "Notebook/1.0", "items", List.of(Map.of("type", 1, "content", Map.of("json", "hi")))), 201);

        HttpResponse<String> refused = server.sendJson("POST", WORKBOOKS + "/plain/evaluate", server.apiKey(), Map.of("parameters",
                Map.of("Severity", "High")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(refused).path("error").path("message").asText()).contains("the workbook has no parameter 'Severity'");
    }

    @Test
    void testEachWorkbookQueryIsLoggedInLaQueryLogs() {
        save("logged", Map.of("version", "Notebook/1.0", "items", List.of(Map.of("type", 3, "name", "q", "content",
                Map.of("query", "SecurityAlert | summarize marker_4711 = count()")))), 201);

        evaluate("logged", Map.of());

        Eventually.await("the workbook query's LAQueryLogs row", () -> server.count("LAQueryLogs | where QueryText has 'marker_4711'"
                + " and RequestClientApp == 'Vigil workbooks API' | count"), count -> count == 1);
    }

    /**
     * The rows of {@code LAQueryLogs} that workbook queries carrying {@code marker} left. The query log
     * is written through the bulk lane of group commit, which commits in the order written, so a row
     * written after the evaluations answered is committed after all of theirs: once it shows, so do they.
     */
    private static long workbookQueriesWith(String marker) {
        String barrier = "barrier " + java.util.UUID.randomUUID();
        server.writeAsVigil("LAQueryLogs", List.of(Map.of("TimeGenerated", Instant.now().toString(), "QueryText", barrier)));
        Eventually.await("the barrier's LAQueryLogs row", () -> server.count("LAQueryLogs | where QueryText == '" + barrier + "' | count"),
                count -> count == 1);
        return server.count("LAQueryLogs | where QueryText has '" + marker + "' and RequestClientApp == 'Vigil workbooks API' | count");
    }

    @Test
    void testAChangedParameterReevaluatesOnlyTheItemsThatDependOnIt() {
        save("partial", Map.of("version", "Notebook/1.0", "items", List.of(
                Map.of("type", 9, "name", "filters", "content", Map.of("parameters", List.of(
                        Map.of("name", "TimeRange", "type", 4, "value", Map.of("durationMs", 86_400_000)),
                        Map.of("name", "Severity", "type", 2, "multiSelect", true, "quote", "'", "delimiter", ",",
                                "jsonData", "[\"High\", \"Medium\"]", "value", List.of("value::all")),
                        Map.of("name", "Hub", "type", 2, "multiSelect", true, "quote", "'", "delimiter", ",", "value", List.of("value::all"),
                                "query", "SecurityAlert | where TimeGenerated {TimeRange} | extend hub_options_7310 = extract(@'IotHubs/([^/]+)', 1,"
                                        + " ResourceId) | distinct value = hub_options_7310")))),
                Map.of("type", 3, "name", "by severity", "content", Map.of("query", "SecurityAlert | where AlertSeverity in ({Severity})"
                        + " | summarize severity_7310 = count() by AlertSeverity")),
                Map.of("type", 3, "name", "by hub", "content", Map.of("query", "SecurityAlert | extend Hub = extract(@'IotHubs/([^/]+)', 1, ResourceId)"
                        + " | where Hub in ({Hub}) | summarize hub_7310 = count() by Hub")),
                Map.of("type", 3, "name", "everything", "content", Map.of("query", "SecurityAlert | summarize all_7310 = count()")))), 201);
        evaluate("partial", Map.of());

        HttpResponse<String> answered = server.sendJson("POST", WORKBOOKS + "/partial/evaluate", server.apiKey(), Map.of("parameters",
                Map.of("Severity", List.of("Medium")), "changed", List.of("Severity")));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode evaluation = RunningServer.json(answered);
        assertThat(evaluation.path("items")).extracting(item -> item.path("name").asText() + "@" + item.path("position").asInt())
                .containsExactly("by severity@1");
        assertThat(rows(item(evaluation, "by severity"))).containsExactly("Medium 2");
        assertThat(workbookQueriesWith("severity_7310")).as("run by the whole evaluation and again after the change").isEqualTo(2);
        assertThat(workbookQueriesWith("hub_options_7310")).as("the hub drop-down's query does not use Severity: its options are kept").isEqualTo(1);
        assertThat(workbookQueriesWith("hub_7310")).isEqualTo(1);
        assertThat(workbookQueriesWith("all_7310")).isEqualTo(1);

        JsonNode afterTimeRange = RunningServer.json(server.sendJson("POST", WORKBOOKS + "/partial/evaluate", server.apiKey(), Map.of("parameters",
                Map.of("TimeRange", "PT3H"), "changed", List.of("TimeRange"))));
        assertThat(afterTimeRange.path("items")).as("the hub drop-down's query uses the time range, and the hub item uses the hub")
                .extracting(item -> item.path("name").asText()).containsExactly("filters", "by hub");
        assertThat(rows(item(afterTimeRange, "by hub"))).as("the alerts of the last 3 hours are all on hub-a").containsExactly("hub-a 3");
        assertThat(workbookQueriesWith("hub_options_7310")).isEqualTo(2);
        assertThat(workbookQueriesWith("all_7310")).isEqualTo(1);
    }

    @Test
    void testAChangeOfAParameterTheWorkbookLacksIsRefused() {
        save("unchanged", Map.of("version", "Notebook/1.0", "items", List.of(Map.of("type", 1, "content", Map.of("json", "hi")))), 201);

        HttpResponse<String> refused = server.sendJson("POST", WORKBOOKS + "/unchanged/evaluate", server.apiKey(), Map.of("changed", List.of("Hub")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(refused).path("error").path("innererror").path("path").asText()).isEqualTo("changed.Hub");
    }
}
