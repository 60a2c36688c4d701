package dev.vigil.soc.rule.nrt;

import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
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
import dev.vigil.workspace.api.IngestionWindow;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, DurableConsumer<Map<String, Object>>> consumers = new ConcurrentHashMap<>();
    private final Map<String, Instant> quietRunRecorded = new ConcurrentHashMap<>();

    public NrtRuleRunner(LogStore logStore, RuleEvaluator evaluator, RuleHealth health, Clock clock) {
        this.logStore = logStore;
        this.evaluator = evaluator;
        this.health = health;
        this.clock = clock;
        this.suppression = new Suppression(logStore);
    }

    /** The rule's consumer: its position is the last ingestion batch it has read. */
    private DurableConsumer<Map<String, Object>> consumer(AlertRule rule) {
        return consumers.computeIfAbsent(rule.checkpointConsumer(), name -> DurableConsumer.writingTable(logStore, rule.workspaceId(),
                "SecurityAlert", name, RetryPolicy.fixed(RETRY_AFTER, ATTEMPTS), clock));
    }

    /** The last batch the rule has read: its checkpoint, or the batch it was enabled at if later. */
    long cursor(AlertRule rule) {
        return Math.max(consumer(rule).position(), rule.activeSinceBatch());
    }

    /** Whether batches were committed that the rule has not read (and it is not waiting to retry a failure). */
    public boolean hasWork(AlertRule rule) {
        return logStore.ingestedThrough(rule.workspaceId()) > cursor(rule) && consumer(rule).ready();
    }

    /** Reads the batches committed since the rule's cursor; false if that failed (it is tried again, or given up after its last attempt). */
    public boolean run(AlertRule rule) {
        NrtRuleProperties properties = (NrtRuleProperties) rule.properties();
        DetectionQuery detection = properties.detection();
        DurableConsumer<Map<String, Object>> consumer = consumer(rule);
        // batches before the rule was enabled are not its to read
        consumer.skipTo(rule.activeSinceBatch());
        long after = consumer.position();
        long upTo = logStore.ingestedThrough(rule.workspaceId());
        if (upTo <= after) {
            return true;
        }
        Instant started = clock.instant();
        String runKey = "batches " + after + "-" + upTo;
        RunResult[] result = new RunResult[1];
        HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(upTo, from -> {
            QueryRequest request = QueryRequest.of(detection.query()).at(started).withIngestion(new IngestionWindow(from, upTo));
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
            result[0] = new RunResult(evaluation.resultCount(), note);
            return new Batch<>(alerts, upTo);
        });
        if (outcome instanceof HandoffOutcome.Committed<Map<String, Object>> committed) {
            int alerts = committed.batch().output().size();
            if (alerts > 0) {
                suppression.alerted(rule, started);
            }
            Optional<String> note = result[0].note();
            if (result[0].resultCount() > 0 || note.isPresent() || quietRunToRecord(rule, started)) {
                health.record(new RuleRun(rule.workspaceId(), rule.id(), properties.displayName(), rule.kind(), RuleOperation.NRT_RUN, runKey,
                        started, Duration.between(started, clock.instant()), RunStatus.Success, note, result[0].resultCount(), alerts, null,
                        null, Optional.empty()));
            }
            return true;
        }
        failed(rule, after, upTo, started, outcome);
        return false;
    }

    private record RunResult(long resultCount, Optional<String> note) {
    }

    private boolean quietRunToRecord(AlertRule rule, Instant started) {
        Instant last = quietRunRecorded.get(rule.checkpointConsumer());
        if (last != null && started.isBefore(last.plus(QUIET_RUNS_RECORDED_EVERY))) {
            return false;
        }
        quietRunRecorded.put(rule.checkpointConsumer(), started);
        return true;
    }

    private void failed(AlertRule rule, long after, long upTo, Instant started, HandoffOutcome<Map<String, Object>> outcome) {
        String message;
        if (outcome instanceof HandoffOutcome.GivenUp<Map<String, Object>> givenUp) {
            message = "Reading batches " + after + " to " + upTo + " failed (attempt " + givenUp.attempts() + " of " + ATTEMPTS + "): "
                    + givenUp.cause().getMessage() + "; these batches are given up.";
        } else if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
            message = "Reading batches " + after + " to " + upTo + " failed (attempt " + failed.attempt() + " of " + ATTEMPTS + "): "
                    + failed.cause().getMessage() + "; tried again in " + RETRY_AFTER + ".";
        } else {
            return; // waiting out an earlier failure: nothing was tried
        }
        LOG.warn("rule {} of workspace {}: {}", rule.id(), rule.workspaceId(), message);
        health.record(new RuleRun(rule.workspaceId(), rule.id(), rule.displayName(), rule.kind(), RuleOperation.NRT_RUN,
                "batches " + after + "-" + upTo, started, Duration.between(started, clock.instant()), RunStatus.Failure, Optional.of(message), 0, 0,
                null, null, Optional.empty()));
    }
}
