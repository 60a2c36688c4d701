package dev.vigil.soc.rule.incidentcreation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.health.IncidentCounts;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.health.RunStatus;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.testing.MovableClock;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incident creation over the real store, with a hand-written stand-in for the incidents. */
class TestIncidentCreation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IOT = "Azure Security Center for IoT";

    @TempDir
    Path data;

    private Storage storage;
    private LogStore logStore;
    private AlertRules rules;
    private InMemoryIncidents incidents;
    private RuleHealth health;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private IncidentCreation creation;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        logStore = storage.logStore();
        logStore.createWorkspace("w");
        rules = AlertRules.open(logStore, storage.stateStore(), clock);
        incidents = new InMemoryIncidents(clock);
        health = new RuleHealth(logStore, storage.stateStore());
        creation = new IncidentCreation(logStore, rules, incidents, health, clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void testAlertPassingTwoRulesMakesOneIncident() throws Exception {
        saveFilter("all-iot", "{}");
        saveFilter("high-iot", "{\"severitiesFilter\":[\"High\"]}");
        ingest(alert("a-1", IOT, "High", "Reverse shells"), alert("a-2", IOT, "Low", "Bash history cleared"));
        creation.run("w");
        assertThat(incidents.incidents).hasSize(2);
        assertThat(incident("alert/a-1").request.relatedAnalyticRuleIds()).containsExactlyInAnyOrder("all-iot", "high-iot");
        assertThat(incident("alert/a-2").request.relatedAnalyticRuleIds()).containsExactly("all-iot");
        assertThat(incident("alert/a-1").request.title()).isEqualTo("Reverse shells");
    }

    @Test
    void testSeverityAndDisplayNameFiltersAndOtherProductsAreLeftOut() throws Exception {
        saveFilter("filtered", "{\"severitiesFilter\":[\"High\",\"Medium\"],\"displayNamesFilter\":[\"login\"],"
                + "\"displayNamesExcludeFilter\":[\"Failed\"]}");
        ingest(alert("ok", IOT, "High", "Successful local login"),
                alert("low", IOT, "Low", "Successful local login"),
                alert("failed", IOT, "Medium", "Failed local login"),
                alert("other-name", IOT, "High", "Reverse shells"),
                alert("other-product", "Azure Security Center", "High", "Successful local login"));
        creation.run("w");
        assertThat(incidents.incidents).extracting(i -> i.request.key()).containsExactly("alert/ok");
    }

    @Test
    void testDisabledRuleMakesNothingAndRuleAppliesOnlyToAlertsAfterItWasEnabled() throws Exception {
        saveFilter("off", "{\"enabled\":false}");
        ingest(alert("a-1", IOT, "High", "Reverse shells"));
        creation.run("w");
        assertThat(incidents.incidents).isEmpty();

        ingest(alert("a-2", IOT, "High", "Reverse shells"));
        saveFilter("off", "{\"enabled\":true}");
        ingest(alert("a-3", IOT, "High", "Reverse shells"));
        creation.run("w");
        creation.run("w");
        assertThat(incidents.incidents).extracting(i -> i.request.key()).containsExactly("alert/a-3");
    }

    @Test
    void testLaterVersionsUpdateTheIncidentAndNeverCreateOne() throws Exception {
        saveFilter("high", "{\"severitiesFilter\":[\"High\"]}");
        Map<String, Object> first = alert("a-1", IOT, "High", "Reverse shells");
        Map<String, Object> lowFirst = alert("a-2", IOT, "Low", "Bash history cleared");
        ingest(first, lowFirst);
        creation.run("w");

        Map<String, Object> resolved = new HashMap<>(first);
        resolved.put("Status", "Resolved");
        Map<String, Object> raised = new HashMap<>(lowFirst);
        raised.put("AlertSeverity", "High");
        ingest(resolved, raised);
        creation.run("w");

        assertThat(incidents.incidents).hasSize(1);
        assertThat(incidents.incidents.get(0).alerts).singleElement().satisfies(a -> assertThat(a.get("Status")).isEqualTo("Resolved"));
    }

    @Test
    void testAlertIdsWithQuotesBackslashesAndControlCharactersAreFoundAgainInLaterWindows() throws Exception {
        saveFilter("high", "{\"severitiesFilter\":[\"High\"]}");
        List<String> ids = List.of("it's", "say \"hi\"", "back\\slash\\", "two\nlines\r", "form\ffeed\bback", "\" or true or \"");
        List<Map<String, Object>> lowFirst = ids.stream().map(id -> alert(id, IOT, "Low", "Bash history cleared")).toList();
        ingest(lowFirst.toArray(Map[]::new));
        creation.run("w");

        // the later versions are raised to High: as versions of alerts seen in an earlier window, they make no incident
        ingest(lowFirst.stream().map(first -> {
            Map<String, Object> raised = new HashMap<>(first);
            raised.put("AlertSeverity", "High");
            return raised;
        }).toArray(Map[]::new));
        ingest(alert("fresh \"one\"", IOT, "High", "Reverse shells"));
        creation.run("w");

        assertThat(incidents.incidents).extracting(i -> i.request.key()).containsExactly("alert/fresh \"one\"");
        assertThat(health.lastRun("w", "high").map(RuleRun::status)).contains(RunStatus.Success);
    }

    @Test
    void testRuleAlertsGroupWithinTheLookbackAndOpenANewIncidentAfterIt() throws Exception {
        saveScheduled("grouped", "{\"enabled\":true,\"reopenClosedIncident\":false,\"lookbackDuration\":\"PT1H\",\"matchingMethod\":\"AllEntities\"}");
        ingest(ruleAlert("g-1", "grouped", "dev-1"));
        ingest(ruleAlert("g-2", "grouped", "dev-1"), ruleAlert("g-3", "grouped", "dev-2"));
        creation.run("w");
        assertThat(incidents.incidents).hasSize(2);
        assertThat(incident("alert/g-1").alertIds()).containsExactly("g-1", "g-2");
        assertThat(incident("alert/g-3").alertIds()).containsExactly("g-3");

        clock.advance(Duration.ofMinutes(90));
        ingest(ruleAlert("g-4", "grouped", "dev-1"));
        creation.run("w");
        assertThat(incidents.incidents).hasSize(3);
        assertThat(incident("alert/g-4").alertIds()).containsExactly("g-4");
    }

    @Test
    void testClosedIncidentIsReopenedOnlyWhenTheRuleSaysSo() throws Exception {
        saveScheduled("reopens", "{\"enabled\":true,\"reopenClosedIncident\":true,\"lookbackDuration\":\"PT5H\",\"matchingMethod\":\"AnyAlert\"}");
        saveScheduled("stays", "{\"enabled\":true,\"reopenClosedIncident\":false,\"lookbackDuration\":\"PT5H\",\"matchingMethod\":\"AnyAlert\"}");
        ingest(ruleAlert("r-1", "reopens", "dev-1"), ruleAlert("s-1", "stays", "dev-1"));
        creation.run("w");
        incidents.incidents.forEach(i -> i.closed = true);

        ingest(ruleAlert("r-2", "reopens", "dev-2"), ruleAlert("s-2", "stays", "dev-2"));
        creation.run("w");
        assertThat(incidents.incidents).hasSize(3);
        assertThat(incident("alert/r-1").alertIds()).containsExactly("r-1", "r-2");
        assertThat(incident("alert/r-1").closed).isFalse();
        assertThat(incident("alert/s-1").alertIds()).containsExactly("s-1");
        assertThat(incident("alert/s-2").alertIds()).containsExactly("s-2");
    }

    @Test
    void testAlertsAreReadOnceAcrossARestartOfTheConsumer() throws Exception {
        saveFilter("all-iot", "{}");
        ingest(alert("a-1", IOT, "High", "Reverse shells"));
        creation.run("w");
        creation = new IncidentCreation(logStore, rules, incidents, health, clock);
        // the one batch left is the run's health row: a-1, read again, would have updated its incident
        creation.run("w");
        assertThat(creation.hasWork("w")).isFalse();
        assertThat(health.lastRun("w", "all-iot").flatMap(RuleRun::incidents)).contains(new IncidentCounts(1, 0));
        ingest(alert("a-2", IOT, "High", "Reverse shells"));
        creation.run("w");
        assertThat(incidents.incidents).extracting(i -> i.request.key()).containsExactly("alert/a-1", "alert/a-2");
        assertThat(healthRows()).hasSize(2);
    }

    @Test
    void testEachMicrosoftSecurityRuleThatReadAlertsOfItsProductRecordsItsRun() throws Exception {
        saveFilter("all-iot", "{}");
        saveFilter("high-iot", "{\"severitiesFilter\":[\"High\"]}");
        saveFilter("asc", "{\"productFilter\":\"Azure Security Center\"}");
        Map<String, Object> first = alert("a-1", IOT, "High", "Reverse shells");
        ingest(first, alert("a-2", IOT, "Low", "Bash history cleared"));
        creation.run("w");

        List<Map<String, Object>> rows = healthRows();
        assertThat(rows).extracting(row -> row.get("SentinelResourceName")).containsExactlyInAnyOrder("all-iot", "high-iot");
        Map<String, Object> all = row(rows, "all-iot");
        assertThat(all).containsEntry("OperationName", "Microsoft Security analytics rule run")
                .containsEntry("SentinelResourceType", "Analytics Rule")
                .containsEntry("SentinelResourceKind", "MicrosoftSecurityIncidentCreation")
                .containsEntry("SentinelResourceId", "/workspaces/w/alertRules/all-iot")
                .containsEntry("Status", "Success")
                .containsEntry("Description", "2 alerts read: 2 incidents created, 0 updated.");
        assertThat(extended(all).path("ResultsCount").asLong()).isEqualTo(2);
        assertThat(extended(all).path("IncidentsCreatedAmount").asInt()).isEqualTo(2);
        assertThat(extended(all).path("IncidentsUpdatedAmount").asInt()).isZero();
        assertThat(extended(all).path("RunKey").asText()).matches("batches 0-\\d+");
        assertThat(extended(row(rows, "high-iot")).path("IncidentsCreatedAmount").asInt()).isEqualTo(1);
        assertThat(health.lastRun("w", "all-iot")).get().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.Success);
            assertThat(run.resultCount()).isEqualTo(2);
            assertThat(run.incidents()).contains(new IncidentCounts(2, 0));
        });
        assertThat(health.lastRun("w", "asc")).isEmpty();

        Map<String, Object> resolved = new HashMap<>(first);
        resolved.put("Status", "Resolved");
        ingest(resolved);
        creation.run("w");
        assertThat(health.lastRun("w", "all-iot").flatMap(RuleRun::incidents)).contains(new IncidentCounts(0, 1));
        assertThat(health.lastRun("w", "high-iot").map(RuleRun::resultCount)).contains(1L);
        assertThat(healthRows()).hasSize(4);
    }

    @Test
    void testNothingIsRecordedWhileNoAlertOfTheRulesProductArrives() throws Exception {
        saveFilter("all-iot", "{}");
        ingest(alert("elsewhere", "Azure Security Center", "High", "Suspicious process"));
        creation.run("w");
        creation.run("w");
        logStore.ingest("w", "SecurityIncident", List.of(Map.of("TimeGenerated", clock.instant().toString(), "Title", "made by hand"))).join();
        creation.run("w");
        assertThat(creation.hasWork("w")).isFalse();
        assertThat(healthRows()).isEmpty();
        assertThat(health.lastRun("w", "all-iot")).isEmpty();
    }

    @Test
    void testFailureNamesTheRulesOfTheAlertInHandAndTheBatchesAreReadAgain() throws Exception {
        creation = new IncidentCreation(logStore, rules, new FailingIncidentSink(incidents, 1), health, clock);
        saveFilter("all-iot", "{}");
        saveFilter("asc", "{\"productFilter\":\"Azure Security Center\"}");
        ingest(alert("a-1", IOT, "High", "Reverse shells"));

        assertThatThrownBy(() -> creation.run("w")).hasMessage(FailingIncidentSink.ERROR);
        assertThat(incidents.incidents).isEmpty();
        assertThat(creation.hasWork("w")).isTrue();
        Map<String, Object> failure = row(healthRows(), "all-iot");
        assertThat(healthRows()).hasSize(1);
        assertThat(failure).containsEntry("Status", "Failure").containsEntry("OperationName", "Microsoft Security analytics rule run");
        assertThat((String) failure.get("Description")).startsWith("Making incidents from ingestion batches 0 to ")
                .contains("failed at alert a-1: " + FailingIncidentSink.ERROR).endsWith("they are read again until it succeeds.");
        assertThat(health.lastRun("w", "all-iot").map(RuleRun::status)).contains(RunStatus.Failure);

        creation.run("w");
        assertThat(incidents.incidents).extracting(i -> i.request.key()).containsExactly("alert/a-1");
        assertThat(health.lastRun("w", "all-iot")).get().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.Success);
            assertThat(run.incidents()).contains(new IncidentCounts(1, 0));
        });
    }

    @Test
    void testFailureToMakeAScheduledRulesIncidentNamesThatRuleAndLeavesItsLastRunAlone() throws Exception {
        creation = new IncidentCreation(logStore, rules, new FailingIncidentSink(incidents, 1), health, clock);
        saveFilter("all-iot", "{}");
        saveScheduled("grouped", "{\"enabled\":true,\"reopenClosedIncident\":false,\"lookbackDuration\":\"PT1H\",\"matchingMethod\":\"AnyAlert\"}");
        ingest(ruleAlert("g-1", "grouped", "dev-1"));

        assertThatThrownBy(() -> creation.run("w")).hasMessage(FailingIncidentSink.ERROR);
        List<Map<String, Object>> rows = healthRows();
        assertThat(rows).extracting(row -> row.get("SentinelResourceName")).containsExactly("grouped");
        assertThat(rows.get(0)).containsEntry("Status", "Failure").containsEntry("OperationName", "Analytics rule incident creation")
                .containsEntry("SentinelResourceKind", "Scheduled");
        assertThat((String) rows.get(0).get("Description")).contains("at alert g-1: " + FailingIncidentSink.ERROR);
        assertThat(health.lastRun("w", "grouped")).isEmpty();

        creation.run("w");
        assertThat(incidents.incidents).extracting(i -> i.request.key()).containsExactly("alert/g-1");
        assertThat(healthRows()).hasSize(1);
    }

    private List<Map<String, Object>> healthRows() {
        return logStore.query("w", QueryRequest.of("SentinelHealth | sort by TimeGenerated asc")).primary().rowsByColumn();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String ruleName) {
        return rows.stream().filter(r -> ruleName.equals(r.get("SentinelResourceName"))).reduce((first, second) -> second).orElseThrow();
    }

    private static JsonNode extended(Map<String, Object> row) throws Exception {
        return JSON.readTree(String.valueOf(row.get("ExtendedProperties")));
    }

    private InMemoryIncidents.Incident incident(String key) {
        return incidents.incidents.stream().filter(i -> i.request.key().equals(key)).findFirst().orElseThrow();
    }

    private void saveFilter(String id, String extra) throws Exception {
        JsonNode properties = JSON.readTree("{\"displayName\":\"" + id + "\",\"productFilter\":\"" + IOT + "\"}");
        ((ObjectNode) properties).setAll((ObjectNode) JSON.readTree(extra));
        var body = JSON.createObjectNode().put("kind", "MicrosoftSecurityIncidentCreation");
        body.set("properties", properties);
        rules.save("w", id, AlertRuleJson.read(body), Optional.empty());
    }

    private void saveScheduled(String id, String grouping) throws Exception {
        JsonNode body = JSON.readTree("{\"kind\":\"Scheduled\",\"properties\":{\"displayName\":\"" + id + "\",\"query\":\"SecurityAlert\","
                + "\"severity\":\"Medium\",\"queryFrequency\":\"PT5M\",\"queryPeriod\":\"PT5M\",\"triggerOperator\":\"GreaterThan\","
                + "\"triggerThreshold\":0,\"incidentConfiguration\":{\"createIncident\":true,\"groupingConfiguration\":" + grouping + "}}}");
        rules.save("w", id, AlertRuleJson.read(body), Optional.empty());
    }

    private Map<String, Object> alert(String id, String product, String severity, String name) {
        Map<String, Object> row = new HashMap<>();
        row.put("TimeGenerated", clock.instant().toString());
        row.put("SystemAlertId", id);
        row.put("ProductName", product);
        row.put("ProviderName", "IoTSecurity");
        row.put("AlertSeverity", severity);
        row.put("AlertName", name);
        row.put("DisplayName", name);
        row.put("Status", "New");
        row.put("StartTime", clock.instant().toString());
        return row;
    }

    private Map<String, Object> ruleAlert(String id, String ruleId, String device) {
        Map<String, Object> row = alert(id, "Azure Sentinel", "Medium", "From " + ruleId);
        row.put("ProviderName", "ASI Scheduled Alerts");
        row.put("AlertType", "w_" + ruleId);
        row.put("Entities", "[{\"$id\":\"1\",\"DeviceId\":\"" + device + "\",\"Type\":\"iotdevice\"}]");
        return row;
    }

    @SafeVarargs
    private void ingest(Map<String, Object>... rows) {
        logStore.ingest("w", "SecurityAlert", List.of(rows)).join();
    }
}
