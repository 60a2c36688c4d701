package dev.vigil.soc.automation.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automation starts a rule's playbook as soon as the incident is committed, and a change acted on
 * again after a crash starts no second run; on the real store.
 */
class TestAutomationStartsPlaybooks {
    private static final String WS = "w";
    private static final byte[] KEY = SecretBox.newKey();
    private static final String RULE = """
            {"properties":{"displayName":"Note new incidents","order":1,
              "triggeringLogic":{"isEnabled":true,"triggersOn":"Incidents","triggersWhen":"Created","conditions":[]},
              "actions":[{"order":1,"actionType":"RunPlaybook","actionConfiguration":{"logicAppResourceId":"note"}}]}}""";

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

    private void saveRuleAndPlaybook() throws Exception {
        playbooks.save(WS, "note", PlaybookDocument.parse("""
                triggers: [{kind: incident}]
                steps: [{id: note, type: addComment, message: "Noted {{ IncidentTitle }}"}]
                """, true), Optional.empty(), "admin");
        rules.save(WS, "note", AutomationRuleJson.read(new ObjectMapper().readTree(RULE)), Optional.empty(), "admin");
    }

    private PlaybookRun finishedRun() {
        return Eventually.await("the playbook's run finishing", () -> runs.list(WS, "note", 10),
                list -> !list.isEmpty() && list.get(0).status().finished()).get(0);
    }

    @Test
    void testTheRuleStartsThePlaybookWhileAutomationsPositionIsStillToBeLogged() throws Exception {
        saveRuleAndPlaybook();
        // automation's log commits nothing here: what it acts on is the committed change, read in memory
        IncidentAutomation acting = new IncidentAutomation(incidents, rules, storage.logStore(), storage.stateStore(), clock, Optional.of(runner), true);
        incidents.create(WS, NewIncident.of("k-1", "Unauthorized PLC programming", IncidentSeverity.HIGH, "test"));

        acting.actOnNewChanges(WS);

        assertThat(finishedRun().origin()).startsWith("automationRule/note/1/");
        assertThat(acting.position(WS)).isZero();
        assertThat(incidents.get(WS, "1").comments()).extracting(comment -> comment.message()).containsExactly("Noted Unauthorized PLC programming");
    }

    @Test
    void testAChangeActedOnAgainAfterACrashStartsNoSecondRun() throws Exception {
        saveRuleAndPlaybook();
        incidents.create(WS, NewIncident.of("k-1", "Unauthorized PLC programming", IncidentSeverity.HIGH, "test"));
        new IncidentAutomation(incidents, rules, storage.logStore(), storage.stateStore(), clock, Optional.of(runner), true).actOnNewChanges(WS);
        String firstRun = finishedRun().runId();
        incidents.allLogged(WS).join();

        // the process dies before automation's position is logged: after the restart the change is acted on again
        close();
        open();
        IncidentAutomation again = new IncidentAutomation(incidents, rules, storage.logStore(), storage.stateStore(), clock, Optional.of(runner), false);
        again.follow(WS);

        assertThat(again.position(WS)).isEqualTo(incidents.lastChange(WS));
        assertThat(runs.list(WS, "note", 10)).extracting(PlaybookRun::runId).containsExactly(firstRun);
        assertThat(incidents.get(WS, "1").comments()).hasSize(1);
        assertThat(count("SentinelHealth | where OperationName == 'Automation rule run'")).isEqualTo(1);
    }

    private long count(String kql) {
        return ((Number) storage.logStore().query(WS, QueryRequest.of(kql + " | count")).primary().rows().get(0).get(0)).longValue();
    }
}
