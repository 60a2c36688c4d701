package dev.vigil.soc.rule.runtime;

import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.evaluation.RuleEvaluator;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.incidentcreation.IncidentCreation;
import dev.vigil.soc.rule.incidentcreation.IncidentSink;
import dev.vigil.soc.rule.nrt.NrtRuleRunner;
import dev.vigil.soc.rule.scheduled.ScheduledRuleRunner;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics rules at work: a poller that hands each rule with work to do (a due scheduled
 * run, newly ingested rows for a near-real-time rule or for incident creation) to the detection
 * pool, one task per rule (or workspace, for incidents) at a time. It looks when rows are
 * committed and when a task ends (there may be more), and every {@code pollInterval} in case a
 * wake-up was missed and for scheduled runs that fall due.
 */
public final class AnalyticsRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRuntime.class);
    /** Rounds of {@link #awaitIdle()}: each round's alerts can be the next round's input. */
    private static final int MAX_IDLE_ROUNDS = 20;

    private final AlertRules rules;
    private final RuleHealth health;
    private final ScheduledRuleRunner scheduled;
    private final NrtRuleRunner nrt;
    private final Optional<IncidentCreation> incidentCreation;
    private final LogStore logStore;
    private final ExecutorService pool;
    private final ScheduledExecutorService poller;
    private final Duration failureBackoff;

    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> backoffUntil = new ConcurrentHashMap<>();
    /** Whether a poll is already queued behind a wake-up: many commits in a row make one poll. */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    private AnalyticsRuntime(AlertRules rules, LogStore logStore, RuleHealth health, ScheduledRuleRunner scheduled, NrtRuleRunner nrt,
            Optional<IncidentCreation> incidentCreation, RuntimeSettings settings) {
        this.rules = rules;
        this.logStore = logStore;
        this.health = health;
        this.scheduled = scheduled;
        this.nrt = nrt;
        this.incidentCreation = incidentCreation;
        this.pool = Executors.newFixedThreadPool(settings.threads(), named("vigil-detection"));
        this.poller = Executors.newSingleThreadScheduledExecutor(named("vigil-detection-poller"));
        this.failureBackoff = settings.failureBackoff();
    }

    /**
     * Starts the runners over the saved rules.
     *
     * @param incidents where rules make incidents; without it, no rule makes any
     */
    public static AnalyticsRuntime start(AlertRules rules, LogStore logStore, StateStore state, Clock clock, Optional<IncidentSink> incidents,
            RuntimeSettings settings) {
        RuleHealth health = new RuleHealth(logStore, state);
        RuleEvaluator evaluator = new RuleEvaluator(logStore);
        AnalyticsRuntime runtime = new AnalyticsRuntime(rules, logStore, health, new ScheduledRuleRunner(logStore, evaluator, health, clock),
                new NrtRuleRunner(logStore, evaluator, health, clock), incidents.map(sink -> new IncidentCreation(logStore, rules, sink, health, clock,
                        RetryPolicy.fixed(settings.failureBackoff(), RetryPolicy.FOREVER))),
                settings);
        rules.addListener((workspaceId, ruleId, before, after) -> {
            if (after.isEmpty()) {
                health.forget(workspaceId, ruleId);
            }
        });
        long period = settings.pollInterval().toMillis();
        runtime.poller.scheduleWithFixedDelay(runtime::pollSafely, 0, period, TimeUnit.MILLISECONDS);
        logStore.addCommitListener((workspaceId, tables) -> runtime.wake());
        return runtime;
    }

    /** Polls as soon as the poller is free, once however often it is asked meanwhile. */
    private void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    wakeQueued.set(false);
                    pollSafely();
                });
            } catch (RejectedExecutionException e) {
                // closing: nothing more to look for
            }
        }
    }

    public RuleHealth health() {
        return health;
    }

    /**
     * Hands out every due piece of work, then waits until no rule has any left: scheduled runs due by
     * the clock are made, and what they wrote has been read by those that follow ingestion. A
     * barrier for tests and tools.
     */
    public void awaitIdle() {
        for (int round = 0; round < MAX_IDLE_ROUNDS; round++) {
            poll();
            List<CompletableFuture<Void>> running = new ArrayList<>(inFlight.values());
            if (running.isEmpty()) {
                return;
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("looking for rule work failed; trying again at the next poll", e);
        }
    }

    private synchronized void poll() {
        if (pool.isShutdown()) {
            return;
        }
        for (AlertRule rule : rules.enabled(AlertRuleKind.SCHEDULED)) {
            if (!inFlight.containsKey(key(rule)) && !backingOff(key(rule)) && scheduled.isDue(rule)) {
                submit(key(rule), () -> scheduled.runDue(rule));
            }
        }
        // near-real-time rules compare the workspaces' newest batch number, an in-memory read, with their cursor
        for (AlertRule rule : rules.enabled(AlertRuleKind.NRT)) {
            if (!inFlight.containsKey(key(rule)) && !backingOff(key(rule)) && nrt.hasWork(rule)) {
                submit(key(rule), () -> nrt.run(rule));
            }
        }
        if (incidentCreation.isPresent()) {
            for (String workspaceId : logStore.workspaces()) {
                String key = "incidents/" + workspaceId;
                if (!inFlight.containsKey(key) && !backingOff(key) && incidentCreation.get().hasWork(workspaceId)) {
                    submit(key, () -> incidentCreation.get().run(workspaceId));
                }
            }
        }
    }

    private void submit(String key, Runnable work) {
        CompletableFuture<Void> task = new CompletableFuture<>();
        // in the map before it can finish, so that a finished task never stays there
        inFlight.put(key, task);
        try {
            pool.execute(() -> {
                Throwable failure = null;
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    failure = e;
                    backoffUntil.put(key, System.nanoTime() + failureBackoff.toNanos());
                    LOG.warn("rule work {} failed; tried again in {}", key, failureBackoff, e);
                } finally {
                    inFlight.remove(key, task);
                }
                if (failure == null) {
                    wake(); // a run reads a bounded number of batches: more may be waiting
                    task.complete(null);
                } else {
                    task.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, task);
            task.complete(null);
        }
    }

    private boolean backingOff(String key) {
        Long until = backoffUntil.get(key);
        if (until != null && System.nanoTime() - until < 0) {
            return true;
        }
        backoffUntil.remove(key);
        return false;
    }

    private static String key(AlertRule rule) {
        return rule.kind().armName() + "/" + rule.workspaceId() + "/" + rule.id();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops looking for work and lets the runs under way finish (their commits must not be cut off). */
    @Override
    public void close() {
        poller.shutdownNow();
        synchronized (this) {
            pool.shutdown();
        }
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("rule runs still going after 30 s at shutdown; they resume from their checkpoints on the next start");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
