package dev.vigil.soc.rule.health;

import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every rule run: a {@code SentinelHealth} row (queryable with KQL, e.g.
 * {@code SentinelHealth | where SentinelResourceType == "Analytics Rule" and Status == "Failure"})
 * and the rule's last run, kept in the state store so that it survives restarts.
 */
public final class RuleHealth {
    public static final String TABLE = "SentinelHealth";
    static final String COLLECTION = "alertRuleLastRuns";
    private static final Logger LOG = LoggerFactory.getLogger(RuleHealth.class);

    private final LogStore logStore;
    private final DocumentCollection<RuleRun> lastRuns;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();

    public RuleHealth(LogStore logStore, StateStore state) {
        this.logStore = logStore;
        this.lastRuns = state.collection(COLLECTION, RuleRun.class);
    }

    public void record(RuleRun run) {
        runs.incrementAndGet();
        if (run.status() == RunStatus.Failure) {
            failures.incrementAndGet();
        }
        alerts.addAndGet(run.alertsGenerated());
        lastRuns.put(run.workspaceId() + "/" + run.ruleId(), run);
        try {
            logStore.ingest(run.workspaceId(), TABLE, List.of(row(run))).join();
        } catch (RuntimeException e) {
            // the run itself is done and committed; a lost health row must not undo or repeat it
            LOG.warn("could not record the health of rule {} of workspace {}: {}", run.ruleId(), run.workspaceId(), e.getMessage());
        }
    }

    public Optional<RuleRun> lastRun(String workspaceId, String ruleId) {
        return lastRuns.get(workspaceId + "/" + ruleId);
    }

    /** Runs of Scheduled and NRT rules recorded since the start, failed or not. */
    public long runs() {
        return runs.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Alerts the recorded runs wrote to {@code SecurityAlert}. */
    public long alertsGenerated() {
        return alerts.get();
    }

    /** Forgets the last run of a deleted rule; its health rows stay, as history. */
    public void forget(String workspaceId, String ruleId) {
        lastRuns.delete(workspaceId + "/" + ruleId);
    }

    static Map<String, Object> row(RuleRun run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", run.startTime().plus(run.duration()).toString());
        row.put("OperationName", run.kind() == AlertRuleKind.NRT ? "NRT analytics rule run" : "Scheduled analytics rule run");
        row.put("SentinelResourceId", "/workspaces/" + run.workspaceId() + "/alertRules/" + run.ruleId());
        row.put("SentinelResourceName", run.ruleName());
        row.put("Status", run.status().name());
        row.put("Description", run.message().orElse(run.status() == RunStatus.Success ? "The rule ran successfully." : ""));
        row.put("WorkspaceId", run.workspaceId());
        row.put("SentinelResourceType", "Analytics Rule");
        row.put("SentinelResourceKind", run.kind().armName());
        row.put("RecordId", UUID.nameUUIDFromBytes((run.workspaceId() + "\n" + run.ruleId() + "\n" + run.runKey() + "\n" + run.startTime())
                .getBytes(StandardCharsets.UTF_8)).toString());
        Map<String, Object> extended = new LinkedHashMap<>();
        extended.put("RunKey", run.runKey());
        extended.put("StartTimeUTC", run.startTime().toString());
        extended.put("DurationMs", run.duration().toMillis());
        extended.put("QueryStartTimeUTC", run.queryStart() == null ? null : run.queryStart().toString());
        extended.put("QueryEndTimeUTC", run.queryEnd() == null ? null : run.queryEnd().toString());
        extended.put("ResultsCount", run.resultCount());
        extended.put("AlertsGeneratedAmount", run.alertsGenerated());
        row.put("ExtendedProperties", extended);
        return row;
    }
}
