package dev.vigil.server.api.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentGrouping;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The incident API on the real server over loopback, with its SecurityIncident rows read back through the KQL query API. */
class TestIncidentRoutes {
    private static final String INCIDENTS = "/api/workspaces/default/incidents";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    private JsonNode create(String title, String severity) {
        HttpResponse<String> response = server.postJson(INCIDENTS, Map.of("properties", Map.of("title", title, "severity", severity)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningServer.json(response);
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        return server.sendJson(method, path, server.apiKey(), body);
    }

    /** Rows of a query, each as an object of column name to value, once the incident rows are committed. */
    private List<JsonNode> rows(String kql) {
        server.server().incidents().allLogged("default").join();
        JsonNode table = server.query(kql);
        return RunningServer.rowsByColumnName(table);
    }

    @Test
    void testIncidentsAreNumberedInSequenceAcrossARestart() {
        assertThat(create("first", "High").path("properties").path("incidentNumber").asLong()).isEqualTo(1);
        assertThat(create("second", "Low").path("properties").path("incidentNumber").asLong()).isEqualTo(2);

        server.restart();

        assertThat(create("third", "Medium").path("properties").path("incidentNumber").asLong()).isEqualTo(3);
        assertThat(rows("SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber | sort by IncidentNumber asc"))
                .extracting(row -> row.path("IncidentNumber").asInt() + " " + row.path("Title").asText())
                .containsExactly("1 first", "2 second", "3 third");
    }

    @Test
    void testAnIncidentReadsInSentinelsShapeWithAnEtag() {
        JsonNode created = create("Reverse shell on gateway-01", "High");
        String name = created.path("name").asText();

        HttpResponse<String> byNumber = server.get(INCIDENTS + "/1");
        JsonNode incident = RunningServer.json(byNumber);

        assertThat(byNumber.statusCode()).isEqualTo(200);
        assertThat(byNumber.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(incident.path("id").asText()).isEqualTo(INCIDENTS + "/" + name);
        assertThat(incident.path("type").asText()).isEqualTo("Microsoft.SecurityInsights/Incidents");
        assertThat(incident.path("etag").asText()).isEqualTo("\"1\"");
        JsonNode properties = incident.path("properties");
        assertThat(properties.path("title").asText()).isEqualTo("Reverse shell on gateway-01");
        assertThat(properties.path("status").asText()).isEqualTo("New");
        assertThat(properties.path("providerName").asText()).isEqualTo("Azure Sentinel");
        assertThat(properties.path("incidentUrl").asText()).isEqualTo(server.uri(INCIDENTS + "/" + name).toString());
        assertThat(properties.path("owner").path("assignedTo").isNull()).isTrue();
        assertThat(properties.path("classification").isNull()).isTrue();
        assertThat(RunningServer.json(server.get(INCIDENTS + "/" + name)).path("properties").path("incidentNumber").asInt()).isEqualTo(1);
        assertThat(server.get(INCIDENTS + "/99").statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(server.get(INCIDENTS + "/99")).path("error").path("code").asText()).isEqualTo("IncidentNotFound");
    }

    @Test
    void testEveryChangeAppendsARowThatKqlSees() {
        create("watched", "Medium");
        send("PATCH", INCIDENTS + "/1", Map.of("properties", Map.of("status", "Active", "owner", Map.of("userPrincipalName", "alice"),
                "labels", List.of(Map.of("labelName", "line-3")))));
        send("POST", INCIDENTS + "/1/comments", Map.of("properties", Map.of("message", "looking")));
        send("POST", INCIDENTS + "/1/close", Map.of("classification", "FalsePositive", "classificationReason", "InaccurateData",
                "classificationComment", "sensor glitch"));
        send("POST", INCIDENTS + "/1/reopen", null);

        List<JsonNode> history = rows("SecurityIncident | where IncidentNumber == 1 | sort by TimeGenerated asc");
        JsonNode latest = rows("SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber").get(0);

        assertThat(history).extracting(row -> row.path("Status").asText() + "/" + row.path("Classification").asText())
                .containsExactly("New/", "Active/", "Active/", "Closed/FalsePositive", "Active/");
        assertThat(history.get(3).path("ClassificationComment").asText()).isEqualTo("sensor glitch");
        assertThat(latest.path("Status").asText()).isEqualTo("Active");
        assertThat(latest.path("ModifiedBy").asText()).isEqualTo("admin");
        assertThat(dynamic(latest.path("Owner")).path("userPrincipalName").asText()).isEqualTo("alice");
        assertThat(dynamic(latest.path("Labels")).path(0).path("labelName").asText()).isEqualTo("line-3");
        assertThat(dynamic(latest.path("Comments")).path(0).path("message").asText()).isEqualTo("looking");
        assertThat(dynamic(latest.path("AdditionalData")).path("commentsCount").asInt()).isEqualTo(1);
        assertThat(latest.path("ClosedTime").isNull()).isTrue();
    }

    @Test
    void testClosingWithoutAClassificationIsRefusedAndReopeningNeedsAClosedIncident() {
        create("to close", "Low");

        HttpResponse<String> bare = send("POST", INCIDENTS + "/1/close", Map.of());
        HttpResponse<String> viaPatch = send("PATCH", INCIDENTS + "/1", Map.of("properties", Map.of("status", "Closed")));
        HttpResponse<String> notClosed = send("POST", INCIDENTS + "/1/reopen", null);

        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(bare).path("error").path("code").asText()).isEqualTo("ClassificationRequired");
        assertThat(viaPatch.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(viaPatch).path("error").path("message").asText()).contains("needs a 'classification'");
        assertThat(notClosed.statusCode()).isEqualTo(409);
        assertThat(RunningServer.json(notClosed).path("error").path("code").asText()).isEqualTo("InvalidStatusTransition");

        HttpResponse<String> closed = send("PATCH", INCIDENTS + "/1", Map.of("properties",
                Map.of("status", "Closed", "classification", "BenignPositive", "classificationReason", "SuspiciousButExpected")));
        HttpResponse<String> reopened = send("POST", INCIDENTS + "/1/reopen", null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(RunningServer.json(closed).path("properties").path("closedTimeUtc").asText()).isNotEmpty();
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(reopened).path("properties").path("status").asText()).isEqualTo("Active");
        assertThat(RunningServer.json(reopened).path("properties").path("classification").isNull()).isTrue();
    }

    @Test
    void testAChangeWithAStaleEtagIsRefusedWith412() {
        String etag = create("contended", "Medium").path("etag").asText();
        HttpResponse<String> first = server.send(server.request(INCIDENTS + "/1").header("Content-Type", "application/json")
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"severity\":\"High\"}}")));
        HttpResponse<String> stale = server.send(server.request(INCIDENTS + "/1").header("Content-Type", "application/json")
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"severity\":\"Low\"}}")));
        HttpResponse<String> staleInBody = send("POST", INCIDENTS + "/1/close", Map.of("etag", etag, "classification", "Undetermined"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(RunningServer.json(stale).path("error").path("code").asText()).isEqualTo("PreconditionFailed");
        assertThat(staleInBody.statusCode()).isEqualTo(412);
        assertThat(RunningServer.json(server.get(INCIDENTS + "/1")).path("properties").path("severity").asText()).isEqualTo("High");
    }

    @Test
    void testAReaderReadsButCannotChangeAndAResponderCan() {
        create("guarded", "High");
        server.createUser("rita", null);
        server.grant("rita", "Reader", "/workspaces/default");
        server.createUser("rob", null);
        server.grant("rob", "Responder", "/workspaces/default");
        String reader = server.issueKey("rita");
        String responder = server.issueKey("rob");
        Map<String, Object> close = Map.of("classification", "TruePositive", "classificationReason", "SuspiciousActivity");

        assertThat(server.sendJson("GET", INCIDENTS + "/1", reader, null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = server.sendJson("POST", INCIDENTS + "/1/close", reader, close);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(refused).path("error").path("message").asText()).contains("requires Responder on workspace 'default'");
        assertThat(server.sendJson("POST", INCIDENTS + "/1/comments", reader, Map.of("properties", Map.of("message", "x"))).statusCode()).isEqualTo(403);

        HttpResponse<String> closed = server.sendJson("POST", INCIDENTS + "/1/close", responder, close);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(closed).path("properties").path("modifiedBy").asText()).isEqualTo("rob");
    }

    @Test
    void testTheListFiltersAndPagesThroughNextLink() {
        for (int i = 1; i <= 5; i++) {
            create("incident " + i + (i % 2 == 1 ? " gateway" : ""), i <= 2 ? "High" : "Low");
        }
        send("PATCH", INCIDENTS + "/3", Map.of("properties", Map.of("owner", Map.of("userPrincipalName", "alice"),
                "labels", List.of("ot"), "status", "Active")));

        assertThat(numbers(INCIDENTS + "?severity=High")).containsExactly(2, 1);
        assertThat(numbers(INCIDENTS + "?title=GATEWAY&$orderby=incidentNumber%20asc")).containsExactly(1, 3, 5);
        assertThat(numbers(INCIDENTS + "?status=Active&owner=alice&label=ot")).containsExactly(3);
        assertThat(numbers(INCIDENTS + "?status=New,Active&severity=Low")).containsExactly(5, 4, 3);

        List<Integer> paged = new ArrayList<>();
        String next = INCIDENTS + "?$top=2&$orderby=incidentNumber";
        int pages = 0;
        while (next != null) {
            JsonNode page = RunningServer.json(server.get(next.replace(server.uri("").toString(), "")));
            page.path("value").forEach(incident -> paged.add(incident.path("properties").path("incidentNumber").asInt()));
            next = page.hasNonNull("nextLink") ? page.path("nextLink").asText() : null;
            pages++;
        }
        assertThat(paged).containsExactly(1, 2, 3, 4, 5);
        assertThat(pages).isEqualTo(3);

        HttpResponse<String> bad = server.get(INCIDENTS + "?severity=Severe");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(bad).path("error").path("message").asText()).contains("'severity' must be High, Medium, Low or Informational");
        assertThat(server.get(INCIDENTS + "?$top=0").statusCode()).isEqualTo(400);
        assertThat(server.get(INCIDENTS + "?createdFrom=yesterday").statusCode()).isEqualTo(400);
    }

    private List<Integer> numbers(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Integer> numbers = new ArrayList<>();
        RunningServer.json(response).path("value").forEach(incident -> numbers.add(incident.path("properties").path("incidentNumber").asInt()));
        return numbers;
    }

    @Test
    void testAnIncidentMadeByARuleListsItsAlertsAndEntities() {
        Instant start = Instant.parse("2024-05-06T10:00:00Z");
        IncidentAlert alert = new IncidentAlert("5f1a-0001", "Successful Bruteforce attempt", IncidentSeverity.HIGH, "New",
                "Azure Security Center for IoT", "IoTSecurity", start, start.plusSeconds(90), List.of("CredentialAccess"), List.of("T1110"),
                List.of(Map.of("$id", "1", "Type", "iotdevice", "DeviceId", "sensor-1"), Map.of("$id", "2", "Type", "ip", "Address", "203.0.113.7")));
        server.server().incidents().create("default", NewIncident.of("5f1a-0001", "Successful Bruteforce attempt", IncidentSeverity.HIGH,
                "Create incidents based on Azure Defender for IOT alerts").withAlerts(List.of(alert))
                .withGrouping(new IncidentGrouping("rule-1", "sensor-1")));

        JsonNode alerts = RunningServer.json(server.get(INCIDENTS + "/1/alerts"));
        JsonNode entities = RunningServer.json(server.get(INCIDENTS + "/1/entities"));
        JsonNode incident = RunningServer.json(server.get(INCIDENTS + "/1")).path("properties");

        assertThat(alerts.path("value").path(0).path("name").asText()).isEqualTo("5f1a-0001");
        assertThat(alerts.path("value").path(0).path("properties").path("productName").asText()).isEqualTo("Azure Security Center for IoT");
        assertThat(entities.path("entities").findValuesAsText("Type")).containsExactly("iotdevice", "ip");
        assertThat(entities.path("entities").findValues("$id")).isEmpty();
        assertThat(incident.path("firstActivityTimeUtc").asText()).isEqualTo("2024-05-06T10:00:00Z");
        assertThat(incident.path("lastActivityTimeUtc").asText()).isEqualTo("2024-05-06T10:01:30Z");
        assertThat(incident.path("additionalData").path("alertProductNames").path(0).asText()).isEqualTo("Azure Security Center for IoT");
        assertThat(rows("SecurityIncident | where AlertIds has '5f1a-0001' | project IncidentNumber").get(0).path("IncidentNumber").asInt()).isEqualTo(1);
    }

    @Test
    void testCommentsAreListedOldestFirst() {
        create("discussed", "Low");
        HttpResponse<String> added = send("POST", INCIDENTS + "/1/comments", Map.of("properties", Map.of("message", "first")));
        send("POST", INCIDENTS + "/1/comments", Map.of("message", "second"));
        HttpResponse<String> empty = send("POST", INCIDENTS + "/1/comments", Map.of("properties", Map.of("message", "  ")));

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(RunningServer.json(added).path("properties").path("author").path("name").asText()).isEqualTo("admin");
        assertThat(RunningServer.json(server.get(INCIDENTS + "/1/comments")).path("value").findValuesAsText("message"))
                .containsExactly("first", "second");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(empty).path("error").path("message").asText()).contains("non-empty 'message'");
    }

    @Test
    void testBadBodiesAreRefusedNamingWhatIsWrong() {
        HttpResponse<String> noSeverity = server.postJson(INCIDENTS, Map.of("properties", Map.of("title", "x")));
        HttpResponse<String> noTitle = server.postJson(INCIDENTS, Map.of("properties", Map.of("severity", "High")));
        HttpResponse<String> malformed = server.post(INCIDENTS, "application/json", "{\"properties\": ");
        create("ok", "Low");
        HttpResponse<String> wrongType = send("PATCH", INCIDENTS + "/1", Map.of("properties", Map.of("title", 42)));
        HttpResponse<String> wrongReason = send("POST", INCIDENTS + "/1/close", Map.of("classification", "TruePositive",
                "classificationReason", "InaccurateData"));

        assertThat(RunningServer.json(noSeverity).path("error").path("message").asText()).contains("'properties.severity' is required");
        assertThat(RunningServer.json(noTitle).path("error").path("message").asText()).contains("non-empty 'title'");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(malformed).path("error").path("code").asText()).isEqualTo("InvalidJson");
        assertThat(RunningServer.json(wrongType).path("error").path("message").asText()).isEqualTo("'title' must be a string");
        assertThat(RunningServer.json(wrongReason).path("error").path("message").asText())
                .contains("'classificationReason' InaccurateData does not go with classification TruePositive");
        assertThat(List.of(noSeverity.statusCode(), noTitle.statusCode(), wrongType.statusCode(), wrongReason.statusCode())).containsOnly(400);
    }

    @Test
    void testStateChangesAreAudited() {
        create("audited", "Low");
        send("POST", INCIDENTS + "/1/close", Map.of("classification", "Undetermined"));

        List<String> operations = auditedIncidentOperations(2);

        assertThat(operations).containsExactly("POST /api/workspaces/{workspace}/incidents 1 New",
                "POST /api/workspaces/{workspace}/incidents/{incident}/close 1 Closed");
    }

    /** A dynamic value, which the query API returns as JSON text. */
    private static JsonNode dynamic(JsonNode value) {
        try {
            return new ObjectMapper().readTree(value.asText());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    /** The audit trail's incident operations with the incident number and status noted, once there are {@code atLeast} (it commits asynchronously). */
    private List<String> auditedIncidentOperations(int atLeast) {
        return Eventually.await(atLeast + " audited incident operations", () -> {
            List<String> operations = new ArrayList<>();
            HttpResponse<String> response = server.postJson("/v1/workspaces/audit/query", Map.of("query",
                    "VigilAudit | where Category == 'Incident' | sort by TimeGenerated asc | project OperationName, Properties"));
            RunningServer.json(response).path("tables").path(0).path("rows").forEach(row -> operations.add(row.path(0).asText()
                    + " " + dynamic(row.path(1)).path("incidentNumber").asText() + " " + dynamic(row.path(1)).path("status").asText()));
            return operations;
        }, operations -> operations.size() >= atLeast, Duration.ofSeconds(20));
    }
}
