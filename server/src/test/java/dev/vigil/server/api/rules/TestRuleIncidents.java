package dev.vigil.server.api.rules;

import static dev.vigil.server.api.rules.RuleFixtures.ingestIotAlerts;
import static dev.vigil.server.api.rules.RuleFixtures.iotAlertsQuery;
import static dev.vigil.server.api.rules.RuleFixtures.save;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rules making incidents through the real incidents service, seen through the incidents API. */
class TestRuleIncidents {
    private static final String INCIDENTS = "/api/workspaces/default/incidents";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    @Test
    void testMicrosoftSecurityRulesMakeOneIncidentPerAlertAndDisabledRulesNone() {
        save(server, "all-iot", RuleBodies.incidentCreation("Azure Security Center for IoT"));
        Map<String, Object> highOnly = RuleBodies.incidentCreation("Azure Security Center for IoT");
        RuleBodies.properties(highOnly).put("severitiesFilter", List.of("High"));
        save(server, "high-iot", highOnly);
        Map<String, Object> disabled = RuleBodies.incidentCreation("Azure Security Center");
        RuleBodies.properties(disabled).put("enabled", false);
        save(server, "asc-off", disabled);

        ingestIotAlerts(server, clock.instant(), "High", "dev-1");
        ingestIotAlerts(server, clock.instant(), "Low", "dev-2");
        ingest(server, alert("asc-1", "Azure Security Center", "High"));
        server.server().awaitAnalytics();

        JsonNode incidents = list(server);
        assertThat(incidents).hasSize(2);
        JsonNode high = incidents.get(0).path("properties").path("severity").asText().equals("High") ? incidents.get(0) : incidents.get(1);
        assertThat(high.path("properties").path("relatedAnalyticRuleIds")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("all-iot", "high-iot");
        assertThat(high.path("properties").path("title").asText()).isEqualTo("Successful local login");
        assertThat(high.path("properties").path("additionalData").path("alertProductNames").path(0).asText())
                .isEqualTo("Azure Security Center for IoT");

        server.server().incidents().allLogged("default").join();
        assertThat(server.count("SecurityIncident | summarize dcount(IncidentNumber)")).isEqualTo(2);
    }

    @Test
    void testLaterVersionOfAnAlertUpdatesItsIncident() {
        save(server, "all-iot", RuleBodies.incidentCreation("Azure Security Center for IoT"));
        Map<String, Object> first = alert("a-1", "Azure Security Center for IoT", "Medium");
        ingest(server, first);
        server.server().awaitAnalytics();
        Map<String, Object> resolved = new HashMap<>(first);
        resolved.put("Status", "Resolved");
        resolved.put("TimeGenerated", clock.instant().plusSeconds(30).toString());
        ingest(server, resolved);
        server.server().awaitAnalytics();

        JsonNode incidents = list(server);
        assertThat(incidents).hasSize(1);
        JsonNode alerts = RunningServer.json(server.get(INCIDENTS + "/" + incidents.get(0).path("name").asText() + "/alerts")).path("value");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).toString()).contains("Resolved");
    }

    @Test
    void testScheduledRuleGroupsWithinTheLookbackReopensClosedAndStartsAnewAfterIt() {
        Instant start = clock.instant();
        Map<String, Object> body = RuleBodies.scheduled(iotAlertsQuery("High"), 0);
        Map<String, Object> properties = RuleBodies.properties(body);
        properties.put("eventGroupingSettings", Map.of("aggregationKind", "AlertPerResult"));
        properties.put("incidentConfiguration", Map.of("createIncident", true, "groupingConfiguration", Map.of("enabled", true,
                "reopenClosedIncident", true, "lookbackDuration", "PT1H", "matchingMethod", "AnyAlert")));
        save(server, "grouped", body);
        server.server().awaitAnalytics();

        ingestIotAlerts(server, start.plusSeconds(60), "High", "dev-1");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        ingestIotAlerts(server, start.plusSeconds(360), "High", "dev-2");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(list(server)).singleElement().satisfies(i -> assertThat(i.path("properties").path("additionalData").path("alertsCount").asInt())
                .isEqualTo(2));

        String first = list(server).get(0).path("name").asText();
        HttpResponse<String> closed = server.postJson(INCIDENTS + "/" + first + "/close",
                Map.of("classification", "TruePositive", "classificationReason", "SuspiciousActivity", "classificationComment", "seen"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        ingestIotAlerts(server, start.plusSeconds(660), "High", "dev-3");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        JsonNode reopened = list(server).get(0).path("properties");
        assertThat(reopened.path("status").asText()).isEqualTo("Active");
        assertThat(reopened.path("additionalData").path("alertsCount").asInt()).isEqualTo(3);

        clock.advance(Duration.ofHours(2));
        server.server().awaitAnalytics();
        ingestIotAlerts(server, clock.instant().plusSeconds(60), "High", "dev-4");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(list(server)).hasSize(2);
    }

    private static JsonNode list(RunningServer server) {
        HttpResponse<String> response = server.get(INCIDENTS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response).path("value");
    }

    private Map<String, Object> alert(String id, String product, String severity) {
        Map<String, Object> row = new HashMap<>();
        row.put("TimeGenerated", clock.instant().toString());
        row.put("SystemAlertId", id);
        row.put("ProductName", product);
        row.put("ProviderName", "IoTSecurity");
        row.put("AlertSeverity", severity);
        row.put("AlertName", "Reverse shells");
        row.put("DisplayName", "Reverse shells");
        row.put("Status", "New");
        row.put("StartTime", clock.instant().toString());
        return row;
    }

    private static void ingest(RunningServer server, Map<String, Object> row) {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(row));
        server.writeAsVigil("SecurityAlert", rows);
    }
}
