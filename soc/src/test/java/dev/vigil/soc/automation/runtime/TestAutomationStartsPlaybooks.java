package dev.vigil.soc.automation.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final String WS = AutomationFixture.WS;
    private static final String RULE = """
            {"properties":{"displayName":"Note new incidents","order":1,
              "triggeringLogic":{"isEnabled":true,"triggersOn":"Incidents","triggersWhen":"Created","conditions":[]},
              "actions":[{"order":1,"actionType":"RunPlaybook","actionConfiguration":{"logicAppResourceId":"note"}}]}}""";

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

    private void saveRuleAndPlaybook() throws Exception {
        fixture.playbooks.save(WS, "note", PlaybookDocument.parse("""
                triggers: [{kind: incident}]
                steps: [{id: note, type: addComment, message: "Noted {{ IncidentTitle }}"}]
                """, true), Optional.empty(), "admin");
        fixture.rules.save(WS, "note", AutomationRuleJson.read(new ObjectMapper().readTree(RULE)), Optional.empty(), "admin");
    }

    private PlaybookRun finishedRun() {
        return Eventually.await("the playbook's run finishing", () -> fixture.runs.list(WS, "note", 10),
                list -> !list.isEmpty() && list.get(0).status().finished()).get(0);
    }

    @Test
    void testTheRuleStartsThePlaybookWhileAutomationsPositionIsStillToBeLogged() throws Exception {
        saveRuleAndPlaybook();
        // automation's log commits nothing here: what it acts on is the committed change, read in memory
        IncidentAutomation acting = fixture.incidentAutomation(true);
        fixture.incidents.create(WS, NewIncident.of("k-1", "Unauthorized PLC programming", IncidentSeverity.HIGH, "test"));

        acting.actOnNewChanges(WS);

        assertThat(finishedRun().origin()).startsWith("automationRule/note/1/");
        assertThat(acting.position(WS)).isZero();
        assertThat(fixture.incidents.get(WS, "1").comments()).extracting(comment -> comment.message())
                .containsExactly("Noted Unauthorized PLC programming");
    }

    @Test
    void testStartedAutomationActsOnAnIncidentAsSoonAsItIsCommitted() throws Exception {
        saveRuleAndPlaybook();

        try (IncidentAutomation automation = IncidentAutomation.start(fixture.incidents, fixture.rules, fixture.storage.logStore(),
                fixture.storage.stateStore(), fixture.clock, Optional.of(fixture.runner))) {
            for (int incidents = 1; incidents <= 2; incidents++) {
                fixture.incidents.create(WS, NewIncident.of("k-" + incidents, "Unauthorized PLC programming", IncidentSeverity.HIGH, "test"));
                int expected = incidents;
                // well before the idle re-check: the commit woke the thread (the second incident comes when it is idle for sure)
                Eventually.await("run " + expected, () -> fixture.runs.list(WS, "note", 10), list -> list.size() == expected, Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void testAChangeActedOnAgainAfterACrashStartsNoSecondRun() throws Exception {
        saveRuleAndPlaybook();
        fixture.incidents.create(WS, NewIncident.of("k-1", "Unauthorized PLC programming", IncidentSeverity.HIGH, "test"));
        fixture.incidentAutomation(true).actOnNewChanges(WS);
        String firstRun = finishedRun().runId();
        fixture.incidents.allLogged(WS).join();

        // the process dies before automation's position is logged: after the restart the change is acted on again
        close();
        open();
        IncidentAutomation again = fixture.incidentAutomation(false);
        again.follow(WS);

        assertThat(again.position(WS)).isEqualTo(fixture.incidents.lastChange(WS));
        assertThat(fixture.runs.list(WS, "note", 10)).extracting(PlaybookRun::runId).containsExactly(firstRun);
        assertThat(fixture.incidents.get(WS, "1").comments()).hasSize(1);
        assertThat(fixture.count("SentinelHealth | where OperationName == 'Automation rule run'")).isEqualTo(1);
    }
}
