package dev.vigil.soc.rule.health;

import dev.vigil.workspace.api.Checkpoint;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every rule run and every run of incident creation for a rule: a {@code SentinelHealth}
 * row (queryable with KQL, e.g. {@code SentinelHealth | where SentinelResourceType == "Analytics
 * Rule" and Status == "Failure"}) and, for the rule's own runs, its last run, kept in the state
 * store so that it survives restarts.
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
        record(List.of(run));
    }

    /** Records these runs, the rows of each workspace in one commit. */
    public void record(List<RuleRun> recorded) {
        Map<String, List<RuleRun>> byWorkspace = recorded.stream().collect(Collectors.groupingBy(RuleRun::workspaceId, LinkedHashMap::new,
                Collectors.toList()));
        byWorkspace.forEach((workspaceId, ofWorkspace) -> {
            try {
                logStore.ingest(workspaceId, TABLE, rows(ofWorkspace)).join();
            } catch (RuntimeException e) {
                // the runs themselves are done and committed; a lost health row must not undo or repeat them
                LOG.warn("could not record the health of rules {} of workspace {}: {}", ofWorkspace.stream().map(RuleRun::ruleId).toList(),
                        workspaceId, e.getMessage());
            }
        });
        remember(recorded);
    }

    /**
     * Records these runs of one workspace in the transaction that commits the consumer's checkpoint:
     * their rows are written exactly when the position they account for is. Throws if the commit
     * fails, and then nothing is recorded.
     */
    public void commit(String workspaceId, List<RuleRun> recorded, Checkpoint checkpoint) {
        for (RuleRun run : recorded) {
            if (!run.workspaceId().equals(workspaceId)) {
                throw new IllegalArgumentException("the run of rule " + run.ruleId() + " belongs to workspace " + run.workspaceId() + ", not "
                        + workspaceId);
            }
        }
        logStore.ingest(workspaceId, TABLE, rows(recorded), checkpoint).join();
        remember(recorded);
    }

    private static List<Map<String, Object>> rows(List<RuleRun> recorded) {
        return recorded.stream().map(RuleHealth::row).toList();
    }

    /** Counts the runs and keeps each rule's last run. */
    private void remember(List<RuleRun> recorded) {
        for (RuleRun run : recorded) {
            if (run.operation().isRuleRun()) {
                runs.incrementAndGet();
                try {
                    lastRuns.put(run.workspaceId() + "/" + run.ruleId(), run);
                } catch (RuntimeException e) {
                    LOG.warn("could not keep the last run of rule {} of workspace {}: {}", run.ruleId(), run.workspaceId(), e.getMessage());
                }
            }
            if (run.status() == RunStatus.Failure) {
                failures.incrementAndGet();
            }
            alerts.addAndGet(run.alertsGenerated());
        }
    }

    public Optional<RuleRun> lastRun(String workspaceId, String ruleId) {
        return lastRuns.get(workspaceId + "/" + ruleId);
    }

    /** Runs of rules (Scheduled, NRT, Microsoft Security) recorded since the start, failed or not. */
    public long runs() {
        return runs.get();
    }

    /** Failures recorded since the start: of rule runs, and of incident creation for a rule's alerts. */
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
        row.put("TimeGenerated", run.endTime().toString());
        row.put("OperationName", run.operation().operationName());
        row.put("SentinelResourceId", "/workspaces/" + run.workspaceId() + "/alertRules/" + run.ruleId());
        row.put("SentinelResourceName", run.ruleName());
        row.put("Status", run.status().name());
        row.put("Description", description(run));
        row.put("WorkspaceId", run.workspaceId());
        row.put("SentinelResourceType", "Analytics Rule");
        row.put("SentinelResourceKind", run.kind().armName());
        row.put("RecordId", UUID.nameUUIDFromBytes((run.workspaceId() + "\n" + run.ruleId() + "\n" + run.operation() + "\n" + run.runKey() + "\n"
                + run.startTime()).getBytes(StandardCharsets.UTF_8)).toString());
        Map<String, Object> extended = new LinkedHashMap<>();
        extended.put("RunKey", run.runKey());
        extended.put("StartTimeUTC", run.startTime().toString());
        extended.put("DurationMs", run.duration().toMillis());
        extended.put("QueryStartTimeUTC", run.queryStart() == null ? null : run.queryStart().toString());
        extended.put("QueryEndTimeUTC", run.queryEnd() == null ? null : run.queryEnd().toString());
        extended.put("ResultsCount", run.resultCount());
        extended.put("AlertsGeneratedAmount", run.alertsGenerated());
        run.incidents().ifPresent(incidents -> {
            extended.put("IncidentsCreatedAmount", incidents.created());
            extended.put("IncidentsUpdatedAmount", incidents.updated());
        });
        row.put("ExtendedProperties", extended);
        return row;
    }

    private static String description(RuleRun run) {
        if (run.message().isPresent()) {
            return run.message().get();
        }
        if (run.status() == RunStatus.Failure) {
            return "";
        }
        return run.incidents().map(i -> run.resultCount() + " alerts read: " + i.created() + " incidents created, " + i.updated() + " updated.")
                .orElse("The rule ran successfully.");
    }
}
