package dev.vigil.soc.automation.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.incident.IncidentEvent;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.testing.MovableClock;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automation acts on each incident change once, also when a crash cuts a hand-off short, on the real store. */
class TestAutomationExactlyOnce {
    private static final String WS = "w";
    private static final String RULE = """
            {"properties":{"displayName":"Tag new incidents","order":1,
              "triggeringLogic":{"isEnabled":true,"triggersOn":"Incidents","triggersWhen":"Created","conditions":[]},
              "actions":[{"order":1,"actionType":"ModifyProperties","actionConfiguration":{"labels":[{"labelName":"seen"}]}},
                         {"order":2,"actionType":"AddIncidentTask","actionConfiguration":{"title":"Look at it"}}]}}""";

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T06:00:00Z"));
    private Storage storage;
    private Incidents incidents;
    private AutomationRules rules;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        rules = AutomationRules.open(storage.logStore(), storage.stateStore(), clock);
    }

    @AfterEach
    void close() {
        incidents.close();
        storage.close();
    }

    private void restart() {
        close();
        open();
    }

    @Test
    void testActionsTakenBeforeACrashAreNotTakenAgainWhenTheChangeIsActedOnAfterTheRestart() throws Exception {
        rules.save(WS, "tag", AutomationRuleJson.read(new ObjectMapper().readTree(RULE)), Optional.empty(), "admin");
        incidents.create(WS, NewIncident.of("k-1", "Unauthorized PLC programming", IncidentSeverity.HIGH, "test"));
        incidents.allLogged(WS).join();
        IncidentEvent created = incidents.loggedChangesAfter(WS, 0, 10).get(0);
        // the rule acts, then the process dies before automation commits its position
        assertThat(new IncidentAutomation(incidents, rules, storage.logStore(), storage.stateStore(), clock).actOn(created)).hasSize(1);
        incidents.allLogged(WS).join();

        restart();
        assertThat(incidents.loggedChangesAfter(WS, 0, 10)).extracting(IncidentEvent::sequence).containsExactly(1L, 2L);
        IncidentAutomation automation = new IncidentAutomation(incidents, rules, storage.logStore(), storage.stateStore(), clock);
        automation.follow(WS);
        incidents.allLogged(WS).join();
        automation.follow(WS);

        assertThat(incidents.get(WS, "1").labels()).extracting(IncidentLabel::name).containsExactly("seen");
        assertThat(incidents.get(WS, "1").tasks()).hasSize(1);
        assertThat(incidents.lastChange(WS)).isEqualTo(2);
        assertThat(automation.position(WS)).isEqualTo(2);
        assertThat(count("SentinelHealth | where OperationName == 'Automation rule run'")).isEqualTo(1);
        assertThat(count("SecurityIncident | where ModifiedBy == 'Automation rule - Tag new incidents'")).isEqualTo(1);
    }

    @Test
    void testChangesAreKeptUntilAutomationHasPassedThemAndNoLonger() {
        incidents.create(WS, NewIncident.of("k-1", "Port scan", IncidentSeverity.LOW, "test"));
        incidents.allLogged(WS).join();

        restart();
        assertThat(incidents.loggedChangesAfter(WS, 0, 10)).extracting(IncidentEvent::sequence).containsExactly(1L);
        new IncidentAutomation(incidents, rules, storage.logStore(), storage.stateStore(), clock).follow(WS);
        incidents.create(WS, NewIncident.of("k-2", "Port scan again", IncidentSeverity.LOW, "test"));
        incidents.allLogged(WS).join();

        restart();
        assertThat(incidents.loggedChangesAfter(WS, 0, 10)).extracting(IncidentEvent::sequence).containsExactly(2L);
        assertThat(storage.logStore().checkpoint(Incidents.followerCheckpoint(IncidentAutomation.FOLLOWER, WS))).isEqualTo(1);
    }

    private long count(String kql) {
        return ((Number) storage.logStore().query(WS, QueryRequest.of(kql + " | count")).primary().rows().get(0).get(0)).longValue();
    }
}
