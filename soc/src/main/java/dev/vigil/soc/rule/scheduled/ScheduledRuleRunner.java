package dev.vigil.soc.rule.scheduled;

import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.DetectionQuery;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.evaluation.Evaluation;
import dev.vigil.soc.rule.evaluation.RuleEvaluator;
import dev.vigil.soc.rule.evaluation.RunContext;
import dev.vigil.soc.rule.evaluation.Suppression;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.health.RuleOperation;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.health.RunStatus;
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
 * Runs Scheduled rules. A rule's runs fall at its first activation and every {@code queryFrequency}
 * after; each reads the {@code queryPeriod} that ends at its scheduled time, as of that time. The
 * rule's checkpoint is its last completed scheduled time, committed in the same transaction as
 * the run's alerts, so every scheduled run happens exactly once across restarts, and runs missed
 * while the server was down are made when it is back, oldest first.
 */
public final class ScheduledRuleRunner {
    /** A failed run is tried again this much later, this many times, then given up (recorded as failed). */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    static final int ATTEMPTS = 3;
    /** Runs made in one go for one rule, so that a long catch-up does not hold back the other rules. */
    static final int MAX_RUNS_PER_TURN = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuleRunner.class);

    private final LogStore logStore;
    private final RuleEvaluator evaluator;
    private final RuleHealth health;
    private final Clock clock;
    private final Suppression suppression;
    private final Map<String, DurableConsumer<Map<String, Object>>> consumers = new ConcurrentHashMap<>();

    public ScheduledRuleRunner(LogStore logStore, RuleEvaluator evaluator, RuleHealth health, Clock clock) {
        this.logStore = logStore;
        this.evaluator = evaluator;
        this.health = health;
        this.clock = clock;
        this.suppression = new Suppression(logStore);
    }

    /** The rule's consumer: its position is the last completed scheduled time, in epoch milliseconds. */
    private DurableConsumer<Map<String, Object>> consumer(AlertRule rule) {
        return consumers.computeIfAbsent(rule.checkpointConsumer(), name -> DurableConsumer.writingTable(logStore, rule.workspaceId(),
                "SecurityAlert", name, RetryPolicy.fixed(RETRY_AFTER, ATTEMPTS), clock));
    }

    /** The rule's next scheduled time not yet run. */
    public Instant nextRun(AlertRule rule) {
        ScheduledRuleProperties properties = (ScheduledRuleProperties) rule.properties();
        long done = consumer(rule).position();
        if (done == 0) {
            return rule.activeSinceUtc();
        }
        Instant next = Instant.ofEpochMilli(done).plus(properties.schedule().queryFrequency());
        // a rule enabled again, or given a new frequency, starts its schedule anew from then
        return next.isBefore(rule.activeSinceUtc()) ? rule.activeSinceUtc() : next;
    }

    /** Whether a run of the rule is due now (and not waiting to retry a failure). */
    public boolean isDue(AlertRule rule) {
        return !nextRun(rule).isAfter(clock.instant()) && consumer(rule).ready();
    }

    /** Makes the rule's due runs, oldest first (at most {@link #MAX_RUNS_PER_TURN}); returns how many completed. */
    public int runDue(AlertRule rule) {
        int runs = 0;
        while (runs < MAX_RUNS_PER_TURN && isDue(rule)) {
            if (!run(rule, nextRun(rule))) {
                break;
            }
            runs++;
        }
        return runs;
    }

    /** One scheduled run; false if it failed (it is tried again, or given up after its last attempt). */
    boolean run(AlertRule rule, Instant scheduledTime) {
        ScheduledRuleProperties properties = (ScheduledRuleProperties) rule.properties();
        DetectionQuery detection = properties.detection();
        Instant started = clock.instant();
        Instant queryStart = scheduledTime.minus(properties.schedule().queryPeriod());
        String runKey = scheduledTime.toString();
        long target = scheduledTime.toEpochMilli();
        RunResult[] result = new RunResult[1];
        HandoffOutcome<Map<String, Object>> outcome = consumer(rule).handOff(target, after -> {
            QueryRequest request = RuleEvaluator.scheduledRequest(properties, scheduledTime);
            RunContext context = new RunContext(rule.workspaceId(), runKey, scheduledTime, queryStart, scheduledTime, clock.instant());
            Evaluation evaluation = evaluator.evaluate(rule, request, context);
            List<Map<String, Object>> alerts = evaluation.alerts();
            Optional<String> note = Optional.empty();
            if (!alerts.isEmpty() && detection.suppressionEnabled() && suppression.suppresses(rule, detection.suppressionDuration(), scheduledTime)) {
                note = Optional.of("Suppressed: the rule raised an alert at " + suppression.last(rule).orElseThrow() + " and stays quiet for "
                        + detection.suppressionDuration() + " after one.");
                alerts = List.of();
            } else if (evaluation.droppedResults() > 0) {
                note = Optional.of(evaluation.droppedResults() + " results got no alert of their own: a run raises at most 150 alerts.");
            }
            result[0] = new RunResult(evaluation.resultCount(), note);
            return new Batch<>(alerts, target);
        });
        if (outcome instanceof HandoffOutcome.Committed<Map<String, Object>> committed) {
            int alerts = committed.batch().output().size();
            if (alerts > 0) {
                suppression.alerted(rule, scheduledTime);
            }
            health.record(new RuleRun(rule.workspaceId(), rule.id(), properties.displayName(), rule.kind(), RuleOperation.SCHEDULED_RUN, runKey,
                    started, Duration.between(started, clock.instant()), RunStatus.Success, result[0].note(), result[0].resultCount(), alerts,
                    queryStart, scheduledTime, Optional.empty()));
            return true;
        }
        failed(rule, scheduledTime, started, queryStart, outcome);
        return false;
    }

    private record RunResult(long resultCount, Optional<String> note) {
    }

    private void failed(AlertRule rule, Instant scheduledTime, Instant started, Instant queryStart, HandoffOutcome<Map<String, Object>> outcome) {
        String message;
        if (outcome instanceof HandoffOutcome.GivenUp<Map<String, Object>> givenUp) {
            message = "The run scheduled at " + scheduledTime + " failed (attempt " + givenUp.attempts() + " of " + ATTEMPTS + "): "
                    + givenUp.cause().getMessage() + "; it is given up and the rule goes on with its next run.";
        } else if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
            message = "The run scheduled at " + scheduledTime + " failed (attempt " + failed.attempt() + " of " + ATTEMPTS + "): "
                    + failed.cause().getMessage() + "; it is tried again in " + RETRY_AFTER + ".";
        } else {
            return; // waiting out an earlier failure: nothing was tried
        }
        LOG.warn("rule {} of workspace {}: {}", rule.id(), rule.workspaceId(), message);
        health.record(new RuleRun(rule.workspaceId(), rule.id(), rule.displayName(), rule.kind(), RuleOperation.SCHEDULED_RUN,
                scheduledTime.toString(), started, Duration.between(started, clock.instant()), RunStatus.Failure, Optional.of(message), 0, 0,
                queryStart, scheduledTime, Optional.empty()));
    }
}
