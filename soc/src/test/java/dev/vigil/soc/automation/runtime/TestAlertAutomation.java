package dev.vigil.soc.automation.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.RunStatus;
import dev.vigil.soc.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules triggered by alerts start their playbook once per new alert, not on its later versions, and not again after a restart; real store. */
class TestAlertAutomation {
    private static final String WS = AutomationFixture.WS;
    private static final String RULE = """
            {"properties":{"displayName":"IoT alerts to the PLC team","order":1,
              "triggeringLogic":{"isEnabled":true,"triggersOn":"Alerts","triggersWhen":"Created","conditions":[
                {"conditionType":"Property","conditionProperties":{"propertyName":"AlertProductNames","operator":"Equals",
                 "propertyValues":["Azure Security Center for IoT"]}}]},
              "actions":[{"order":1,"actionType":"RunPlaybook","actionConfiguration":{"logicAppResourceId":"tell"}}]}}""";

    @TempDir
    Path data;

    private AutomationFixture fixture;

    @BeforeEach
    void open() {
        fixture = AutomationFixture.open(data);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void alert(String id, String product, String status) {
        alert(id, product, status, "plc-7", "High");
    }

    private void alert(String id, String product, String status, String device, String severity) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", fixture.clock.instant().toString());
        row.put("SystemAlertId", id);
        row.put("AlertName", "Unauthorized PLC programming");
        row.put("DisplayName", "Unauthorized PLC programming");
        row.put("AlertSeverity", severity);
        row.put("ProductName", product);
        row.put("Status", status);
        row.put("StartTime", fixture.clock.instant().toString());
        row.put("Entities", "[{\"$id\":\"1\",\"Type\":\"iotdevice\",\"DeviceId\":\"" + device + "\"}]");
        fixture.storage.logStore().ingest(WS, "SecurityAlert", List.of(row)).join();
    }

    @Test
    void testANewAlertStartsThePlaybookOnceAndItsLaterVersionsAndOtherProductsDoNot() throws Exception {
        fixture.playbooks.save(WS, "tell", PlaybookDocument.parse("""
                triggers: [{kind: alert}]
                steps: [{id: seen, type: compose, value: "{{ tostring(Alert.SystemAlertId) }} of {{ tostring(Alert.ProductName) }}"}]
                """, true), Optional.empty(), "admin");
        fixture.rules.save(WS, "plc", AutomationRuleJson.read(new ObjectMapper().readTree(RULE)), Optional.empty(), "admin");
        AlertAutomation automation = fixture.alertAutomation();
        alert("a-1", "Azure Security Center for IoT", "New");
        alert("a-2", "Azure Sentinel", "New");

        automation.follow(WS);
        PlaybookRun run = Eventually.await("the alert's run finishing", () -> fixture.runs.list(WS, "tell", 10),
                list -> list.size() == 1 && list.get(0).status().finished()).get(0);
        alert("a-1", "Azure Security Center for IoT", "Resolved");
        automation.follow(WS);

        assertThat(run.status()).isEqualTo(RunStatus.Succeeded);
        assertThat(run.trigger()).isEqualTo("alert");
        assertThat(run.step("seen").orElseThrow().output().asText()).isEqualTo("a-1 of Azure Security Center for IoT");
        assertThat(fixture.runs.list(WS, "tell", 10)).hasSize(1);
        assertThat(automation.position(WS)).isEqualTo(fixture.storage.logStore().ingestedThrough(WS));

        // a restart reads on from the committed position: nothing is started again
        close();
        open();
        fixture.alertAutomation().follow(WS);
        assertThat(fixture.runs.list(WS, "tell", 10)).extracting(PlaybookRun::runId).containsExactly(run.runId());
        assertThat(fixture.count("SentinelHealth | where OperationName == 'Automation rule run' and ExtendedProperties.TriggeredOn == 'Alerts'"))
                .isEqualTo(1);
    }

    @Test
    void testARuleOnAlertsStartsOnlyForTheAlertsItsConditionsMatch() throws Exception {
        fixture.playbooks.save(WS, "tell", PlaybookDocument.parse("""
                triggers: [{kind: alert}]
                steps: [{id: seen, type: compose, value: "{{ tostring(Alert.SystemAlertId) }}"}]
                """, true), Optional.empty(), "admin");
        fixture.rules.save(WS, "plc-high", AutomationRuleJson.read(new ObjectMapper().readTree("""
                {"properties":{"displayName":"High alerts of PLCs","order":1,
                  "triggeringLogic":{"isEnabled":true,"triggersOn":"Alerts","triggersWhen":"Created","conditions":[
                    {"conditionType":"Property","conditionProperties":{"propertyName":"IoTDeviceId","operator":"StartsWith","propertyValues":["plc-"]}},
                    {"conditionType":"Boolean","conditionProperties":{"operator":"Or","innerConditions":[
                      {"conditionType":"Property","conditionProperties":{"propertyName":"IncidentSeverity","operator":"Equals","propertyValues":["High"]}},
                      {"conditionType":"Property","conditionProperties":{"propertyName":"IncidentTitle","operator":"Contains","propertyValues":["stop"]}}]}}]},
                  "actions":[{"order":1,"actionType":"RunPlaybook","actionConfiguration":{"logicAppResourceId":"tell"}}]}}""")),
                Optional.empty(), "admin");
        AlertAutomation automation = fixture.alertAutomation();
        alert("plc-high", "Azure Security Center for IoT", "New", "plc-7", "High");
        alert("hmi-high", "Azure Security Center for IoT", "New", "hmi-1", "High");
        alert("plc-low", "Azure Security Center for IoT", "New", "plc-8", "Low");

        automation.follow(WS);

        PlaybookRun run = Eventually.await("the matching alert's run finishing", () -> fixture.runs.list(WS, "tell", 10),
                list -> !list.isEmpty() && list.get(0).status().finished()).get(0);
        assertThat(run.step("seen").orElseThrow().output().asText()).isEqualTo("plc-high");
        assertThat(fixture.runs.list(WS, "tell", 10)).hasSize(1);
        assertThat(fixture.count("SentinelHealth | where OperationName == 'Automation rule run' and ExtendedProperties.TriggeredOn == 'Alerts'"))
                .isEqualTo(1);
    }

    @Test
    void testStartedAutomationActsOnAnAlertAsSoonAsItIsCommitted() throws Exception {
        fixture.playbooks.save(WS, "tell", PlaybookDocument.parse("triggers: [{kind: alert}]\nsteps: [{id: x, type: compose, value: x}]\n", true),
                Optional.empty(), "admin");
        fixture.rules.save(WS, "plc", AutomationRuleJson.read(new ObjectMapper().readTree(RULE)), Optional.empty(), "admin");

        try (AlertAutomation automation = AlertAutomation.start(fixture.storage.logStore(), fixture.rules, fixture.runner, fixture.clock)) {
            for (int alerts = 1; alerts <= 2; alerts++) {
                alert("a-" + alerts, "Azure Security Center for IoT", "New");
                int expected = alerts;
                // well before the idle re-check: the commit woke the thread (the second alert comes when it is idle for sure)
                Eventually.await("run " + expected, () -> fixture.runs.list(WS, "tell", 10), list -> list.size() == expected,
                        Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void testARuleOnAlertsIsRefusedAPlaybookThatDoesNotStartOnAlerts() throws Exception {
        fixture.playbooks.save(WS, "tell", PlaybookDocument.parse("triggers: [{kind: incident}]\nsteps: [{id: x, type: compose, value: x}]\n", true),
                Optional.empty(), "admin");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.rules.save(WS, "plc",
                AutomationRuleJson.read(new ObjectMapper().readTree(RULE)), Optional.empty(), "admin"))
                .hasMessageContaining("properties.actions[0].actionConfiguration.logicAppResourceId").hasMessageContaining("does not start on 'alert'");
    }
}
