package dev.vigil.soc.rule.nrt;

import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.DetectionQuery;
import dev.vigil.soc.rule.NrtRuleProperties;
import dev.vigil.soc.rule.evaluation.Evaluation;
import dev.vigil.soc.rule.evaluation.RuleEvaluator;
import dev.vigil.soc.rule.evaluation.RunContext;
import dev.vigil.soc.rule.evaluation.Suppression;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.health.RuleOperation;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.health.RunStatus;
import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.IngestionWindow;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs near-real-time rules over the rows newly ingested into their workspace. A rule's checkpoint
 * is the last ingestion batch it has read; each run reads the batches after it up to the newest
 * committed one, whatever the rows' {@code TimeGenerated} (late data included), and commits its
 * alerts with the new checkpoint in one transaction: no batch is read twice or skipped, across
 * restarts too. A rule reads only batches committed after it was enabled.
 */
public final class NrtRuleRunner {
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    static final int ATTEMPTS = 3;
    /**
     * A run that found nothing is recorded at most this often (Sentinel's NRT rules report a run a
     * minute). Recording each would never end: every health row is a new batch, read by the next run.
     */
    static final Duration QUIET_RUNS_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(NrtRuleRunner.class);

    private final LogStore logStore;
    private final RuleEvaluator evaluator;
    private final RuleHealth health;
    private final Clock clock;
    private final Suppression suppression;
    private final Map<String, Long> cursors = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> quietRunRecorded = new ConcurrentHashMap<>();

    private record Failures(long upTo, int attempts, Instant retryAt) {
    }

    public NrtRuleRunner(LogStore logStore, RuleEvaluator evaluator, RuleHealth health, Clock clock) {
        this.logStore = logStore;
        this.evaluator = evaluator;
        this.health = health;
        this.clock = clock;
        this.suppression = new Suppression(logStore);
    }

    /** The last batch the rule has read: its checkpoint, or the batch it was enabled at if later. */
    long cursor(AlertRule rule) {
        long committed = cursors.computeIfAbsent(rule.checkpointConsumer(), logStore::checkpoint);
        return Math.max(committed, rule.activeSinceBatch());
    }

    /** Whether batches were committed that the rule has not read (and it is not waiting to retry a failure). */
    public boolean hasWork(AlertRule rule) {
        Failures failed = failures.get(rule.checkpointConsumer());
        return logStore.ingestedThrough(rule.workspaceId()) > cursor(rule) && (failed == null || !failed.retryAt().isAfter(clock.instant()));
    }

    /** Reads the batches committed since the rule's cursor; false if that failed and will be tried again. */
    public boolean run(AlertRule rule) {
        NrtRuleProperties properties = (NrtRuleProperties) rule.properties();
        DetectionQuery detection = properties.detection();
        long after = cursor(rule);
        long upTo = logStore.ingestedThrough(rule.workspaceId());
        if (upTo <= after) {
            return true;
        }
        Instant started = clock.instant();
        String runKey = "batches " + after + "-" + upTo;
        try {
            QueryRequest request = QueryRequest.of(detection.query()).at(started).withIngestion(new IngestionWindow(after, upTo));
            Evaluation evaluation = evaluator.evaluate(rule, request, new RunContext(rule.workspaceId(), runKey, started, started, started, clock.instant()));
            List<Map<String, Object>> alerts = evaluation.alerts();
            Optional<String> note = Optional.empty();
            if (!alerts.isEmpty() && detection.suppressionEnabled() && suppression.suppresses(rule, detection.suppressionDuration(), started)) {
                note = Optional.of("Suppressed: the rule raised an alert at " + suppression.last(rule).orElseThrow() + " and stays quiet for "
                        + detection.suppressionDuration() + " after one.");
                alerts = List.of();
            } else if (evaluation.droppedResults() > 0) {
                note = Optional.of(evaluation.droppedResults() + " results got no alert of their own: a run raises at most 150 alerts.");
            }
            logStore.ingest(rule.workspaceId(), "SecurityAlert", alerts, new Checkpoint(rule.checkpointConsumer(), upTo)).join();
            cursors.put(rule.checkpointConsumer(), upTo);
            failures.remove(rule.checkpointConsumer());
            if (!alerts.isEmpty()) {
                suppression.alerted(rule, started);
            }
            if (evaluation.resultCount() > 0 || note.isPresent() || quietRunToRecord(rule, started)) {
                health.record(new RuleRun(rule.workspaceId(), rule.id(), properties.displayName(), rule.kind(), RuleOperation.NRT_RUN, runKey,
                        started, Duration.between(started, clock.instant()), RunStatus.Success, note, evaluation.resultCount(), alerts.size(), null,
                        null, Optional.empty()));
            }
            return true;
        } catch (RuntimeException e) {
            failed(rule, after, upTo, started, e);
            return false;
        }
    }

    private boolean quietRunToRecord(AlertRule rule, Instant started) {
        Instant last = quietRunRecorded.get(rule.checkpointConsumer());
        if (last != null && started.isBefore(last.plus(QUIET_RUNS_RECORDED_EVERY))) {
            return false;
        }
        quietRunRecorded.put(rule.checkpointConsumer(), started);
        return true;
    }

    private void failed(AlertRule rule, long after, long upTo, Instant started, RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        Failures before = failures.get(rule.checkpointConsumer());
        int attempts = before == null ? 1 : before.attempts() + 1;
        boolean givingUp = attempts >= ATTEMPTS;
        String message = "Reading batches " + after + " to " + upTo + " failed (attempt " + attempts + " of " + ATTEMPTS + "): " + cause.getMessage()
                + (givingUp ? "; these batches are given up." : "; tried again in " + RETRY_AFTER + ".");
        LOG.warn("rule {} of workspace {}: {}", rule.id(), rule.workspaceId(), message);
        health.record(new RuleRun(rule.workspaceId(), rule.id(), rule.displayName(), rule.kind(), RuleOperation.NRT_RUN,
                "batches " + after + "-" + upTo, started, Duration.between(started, clock.instant()), RunStatus.Failure, Optional.of(message), 0, 0,
                null, null, Optional.empty()));
        if (givingUp) {
            failures.remove(rule.checkpointConsumer());
            try {
                logStore.ingest(rule.workspaceId(), "SecurityAlert", List.of(), new Checkpoint(rule.checkpointConsumer(), upTo)).join();
                cursors.put(rule.checkpointConsumer(), upTo);
            } catch (RuntimeException commit) {
                LOG.warn("rule {} of workspace {}: could not move past the failed batches: {}", rule.id(), rule.workspaceId(), commit.getMessage());
            }
        } else {
            failures.put(rule.checkpointConsumer(), new Failures(upTo, attempts, clock.instant().plus(RETRY_AFTER)));
        }
    }
}
