package dev.vigil.soc.automation.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
import dev.vigil.soc.playbook.run.RunStatus;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
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
    private static final String WS = "w";
    private static final byte[] KEY = SecretBox.newKey();
    private static final String RULE = """
            {"properties":{"displayName":"IoT alerts to the PLC team","order":1,
              "triggeringLogic":{"isEnabled":true,"triggersOn":"Alerts","triggersWhen":"Created","conditions":[
                {"conditionType":"Property","conditionProperties":{"propertyName":"AlertProductNames","operator":"Equals",
                 "propertyValues":["Azure Security Center for IoT"]}}]},
              "actions":[{"order":1,"actionType":"RunPlaybook","actionConfiguration":{"logicAppResourceId":"tell"}}]}}""";

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();
    private Storage storage;
    private Incidents incidents;
    private Playbooks playbooks;
    private PlaybookRuns runs;
    private PlaybookRunner runner;
    private AutomationRules rules;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(KEY), clock);
        runs = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
        runner = PlaybookRunner.start(playbooks, runs, new StepActions(storage.logStore(), incidents, new Watchlists(storage.logStore(), clock),
                Optional.empty()), incidents, storage.logStore(), clock);
        rules = AutomationRules.open(storage.logStore(), storage.stateStore(), clock, Optional.of(runner));
    }

    @AfterEach
    void close() {
        runner.close();
        incidents.close();
        storage.close();
    }

    private void alert(String id, String product, String status) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", clock.instant().toString());
        row.put("SystemAlertId", id);
        row.put("AlertName", "Unauthorized PLC programming");
        row.put("DisplayName", "Unauthorized PLC programming");
        row.put("AlertSeverity", "High");
        row.put("ProductName", product);
        row.put("Status", status);
        row.put("StartTime", clock.instant().toString());
        row.put("Entities", "[{\"$id\":\"1\",\"Type\":\"iotdevice\",\"DeviceId\":\"plc-7\"}]");
        storage.logStore().ingest(WS, "SecurityAlert", List.of(row)).join();
    }

    @Test
    void testANewAlertStartsThePlaybookOnceAndItsLaterVersionsAndOtherProductsDoNot() throws Exception {
        playbooks.save(WS, "tell", PlaybookDocument.parse("""
                triggers: [{kind: alert}]
                steps: [{id: seen, type: compose, value: "{{ tostring(Alert.SystemAlertId) }} of {{ tostring(Alert.ProductName) }}"}]
                """, true), Optional.empty(), "admin");
        rules.save(WS, "plc", AutomationRuleJson.read(new ObjectMapper().readTree(RULE)), Optional.empty(), "admin");
        AlertAutomation automation = new AlertAutomation(storage.logStore(), rules, runner, clock);
        alert("a-1", "Azure Security Center for IoT", "New");
        alert("a-2", "Azure Sentinel", "New");

        automation.follow(WS);
        PlaybookRun run = Eventually.await("the alert's run finishing", () -> runs.list(WS, "tell", 10),
                list -> list.size() == 1 && list.get(0).status().finished()).get(0);
        alert("a-1", "Azure Security Center for IoT", "Resolved");
        automation.follow(WS);

        assertThat(run.status()).isEqualTo(RunStatus.Succeeded);
        assertThat(run.trigger()).isEqualTo("alert");
        assertThat(run.step("seen").orElseThrow().output().asText()).isEqualTo("a-1 of Azure Security Center for IoT");
        assertThat(runs.list(WS, "tell", 10)).hasSize(1);
        assertThat(automation.position(WS)).isEqualTo(storage.logStore().ingestedThrough(WS));

        // a restart reads on from the committed position: nothing is started again
        close();
        open();
        new AlertAutomation(storage.logStore(), rules, runner, clock).follow(WS);
        assertThat(runs.list(WS, "tell", 10)).extracting(PlaybookRun::runId).containsExactly(run.runId());
        assertThat(count("SentinelHealth | where OperationName == 'Automation rule run' and ExtendedProperties.TriggeredOn == 'Alerts'"))
                .isEqualTo(1);
    }

    @Test
    void testARuleOnAlertsIsRefusedAPlaybookThatDoesNotStartOnAlerts() throws Exception {
        playbooks.save(WS, "tell", PlaybookDocument.parse("triggers: [{kind: incident}]\nsteps: [{id: x, type: compose, value: x}]\n", true),
                Optional.empty(), "admin");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.save(WS, "plc", AutomationRuleJson.read(new ObjectMapper().readTree(RULE)),
                Optional.empty(), "admin")).hasMessageContaining("properties.actions[0].actionConfiguration.logicAppResourceId")
                .hasMessageContaining("does not start on 'alert'");
    }

    private long count(String kql) {
        return ((Number) storage.logStore().query(WS, QueryRequest.of(kql + " | count")).primary().rows().get(0).get(0)).longValue();
    }
}
