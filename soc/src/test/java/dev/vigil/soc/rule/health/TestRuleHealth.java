package dev.vigil.soc.rule.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRuleHealth {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path data;

    private Storage storage;
    private RuleHealth health;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace("w");
        health = new RuleHealth(storage.logStore(), storage.stateStore());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void testIncidentCreationForARulesAlertsIsARowButNotTheRulesLastRun() {
        RuleRun scheduled = run("many-high", AlertRuleKind.SCHEDULED, RuleOperation.SCHEDULED_RUN, RunStatus.Success, Optional.empty());
        RuleRun incidents = run("many-high", AlertRuleKind.SCHEDULED, RuleOperation.INCIDENT_CREATION, RunStatus.Failure,
                Optional.of("the incidents store is unavailable"));
        health.record(List.of(scheduled, incidents));

        assertThat(health.lastRun("w", "many-high")).contains(scheduled);
        assertThat(rows("SentinelHealth | sort by OperationName asc | project OperationName, Status, SentinelResourceKind, Description"))
                .containsExactly(
                        List.of("Analytics rule incident creation", "Failure", "Scheduled", "the incidents store is unavailable"),
                        List.of("Scheduled analytics rule run", "Success", "Scheduled", "The rule ran successfully."));
        assertThat(health.runs()).isEqualTo(1);
        assertThat(health.failures()).isEqualTo(1);
    }

    @Test
    void testRowOfAMicrosoftSecurityRunCarriesItsIncidentCounts() {
        health.record(new RuleRun("w", "all-iot", "All IoT alerts", AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION,
                RuleOperation.MICROSOFT_SECURITY_RUN, "batches 3-7", START, Duration.ofMillis(12), RunStatus.Success, Optional.empty(), 4, 0, null,
                null, Optional.of(new IncidentCounts(3, 1))));
        assertThat(rows("SentinelHealth | project TimeGenerated, OperationName, SentinelResourceKind, Description,"
                + " toint(ExtendedProperties.ResultsCount), toint(ExtendedProperties.IncidentsCreatedAmount),"
                + " toint(ExtendedProperties.IncidentsUpdatedAmount), tostring(ExtendedProperties.RunKey)"))
                .containsExactly(List.of("2026-11-28T10:00:00.0120000Z", "Microsoft Security analytics rule run", "MicrosoftSecurityIncidentCreation",
                        "4 alerts read: 3 incidents created, 1 updated.", 4, 3, 1, "batches 3-7"));
    }

    @Test
    void testRunsCommittedWithACheckpointMoveItInTheSameCommit() {
        RuleRun run = new RuleRun("w", "all-iot", "All IoT alerts", AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION,
                RuleOperation.MICROSOFT_SECURITY_RUN, "batches 0-7", START, Duration.ofMillis(12), RunStatus.Success, Optional.empty(), 4, 0, null,
                null, Optional.of(new IncidentCounts(3, 1)));
        health.commit("w", List.of(run), new Checkpoint("incident-creation/w", 7));
        assertThat(storage.logStore().checkpoint("incident-creation/w")).isEqualTo(7);
        assertThat(rows("SentinelHealth | count")).containsExactly(List.of(1L));
        assertThat(health.lastRun("w", "all-iot")).contains(run);

        assertThatThrownBy(() -> health.commit("elsewhere", List.of(run), new Checkpoint("incident-creation/w", 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the run of rule all-iot belongs to workspace w, not elsewhere");
        assertThat(storage.logStore().checkpoint("incident-creation/w")).isEqualTo(7);
    }

    @Test
    void testLastRunSavedBeforeOperationsWereRecordedStillLoads() {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("workspaceId", "w");
        saved.put("ruleId", "each-high");
        saved.put("ruleName", "Each high alert");
        saved.put("kind", "NRT");
        saved.put("runKey", "batches 1-2");
        saved.put("startTime", START.toString());
        saved.put("duration", "PT0.005S");
        saved.put("status", "Success");
        saved.put("resultCount", 1);
        saved.put("alertsGenerated", 1);
        @SuppressWarnings("rawtypes")
        var older = storage.stateStore().collection(RuleHealth.COLLECTION, Map.class);
        older.put("w/each-high", saved);

        assertThat(health.lastRun("w", "each-high")).get().satisfies(run -> {
            assertThat(run.operation()).isEqualTo(RuleOperation.NRT_RUN);
            assertThat(run.incidents()).isEmpty();
            assertThat(run.message()).isEmpty();
            assertThat(run.duration()).isEqualTo(Duration.ofMillis(5));
        });
    }

    private static RuleRun run(String ruleId, AlertRuleKind kind, RuleOperation operation, RunStatus status, Optional<String> message) {
        return new RuleRun("w", ruleId, ruleId, kind, operation, START.toString(), START, Duration.ofMillis(3), status, message, 2, 1,
                START.minus(Duration.ofHours(1)), START, Optional.empty());
    }

    private List<List<Object>> rows(String kql) {
        return storage.logStore().query("w", QueryRequest.of(kql)).primary().rows();
    }
}
