package dev.vigil.soc.automation.runtime;

import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.ConsumerHealth;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.workspace.api.LogStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automation's durable consumer of each workspace's incident changes: the {@code SentinelHealth}
 * rows of the rule runs, committed with automation's position ({@code automation/<workspace>}) on
 * a thread of its own, behind the acting. A restart acts again on the changes after this
 * position; acting is idempotent (the incident changes and playbook runs are found by their
 * origin), so the position may trail the acting by the commits under way. Only once a position
 * is committed are the incidents told that automation no longer needs the changes up to it.
 */
final class AutomationHealthLog implements AutoCloseable {
    /** Storage failing: the rows are tried again after 100 ms, doubling up to 5 s, never given up. */
    static final RetryPolicy RETRY = RetryPolicy.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AutomationHealthLog.class);

    /** A workspace's rows acted on and not yet committed, and the position they reach. */
    private static final class Pending {
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private long through;
    }

    private final Incidents incidents;
    private final LogStore logStore;
    private final Map<String, DurableConsumer<Map<String, Object>>> consumers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "vigil-automation-log");
        t.setDaemon(true);
        return t;
    });

    private final boolean hold;

    /** @param hold commits nothing (tests use it to stop between acting and logging, as a crash would) */
    AutomationHealthLog(Incidents incidents, LogStore logStore, boolean hold) {
        this.incidents = incidents;
        this.logStore = logStore;
        this.hold = hold;
    }

    /** The committed position: automation's runs on the changes up to it are logged. */
    long position(String workspaceId) {
        return consumer(workspaceId).position();
    }

    ConsumerHealth health(String workspaceId) {
        return consumer(workspaceId).health();
    }

    /** Queues the runs of the changes acted on, up to {@code through}, to be committed soon with that position. */
    void append(String workspaceId, List<AutomationRun> runs, long through) {
        Pending queued = pending.computeIfAbsent(workspaceId, id -> new Pending());
        synchronized (queued) {
            runs.forEach(run -> queued.rows.add(run.healthRow()));
            queued.through = Math.max(queued.through, through);
        }
        if (scheduled.add(workspaceId)) {
            try {
                thread.execute(() -> write(workspaceId));
            } catch (RejectedExecutionException e) {
                scheduled.remove(workspaceId);
                LOG.warn("automation's log is closed; the changes of workspace '{}' after {} are acted on again on the next start", workspaceId,
                        position(workspaceId));
            }
        }
    }

    /** Commits what is queued for the workspace on the calling thread: for tests, which act by hand. */
    void writeNow(String workspaceId) {
        write(workspaceId);
    }

    /** Paced by the system clock: a retry waits out a fault of the machine, whatever automation's clock tells. */
    private DurableConsumer<Map<String, Object>> consumer(String workspaceId) {
        return consumers.computeIfAbsent(workspaceId, id -> DurableConsumer.writingTable(logStore, id, "SentinelHealth",
                Incidents.followerCheckpoint(IncidentAutomation.FOLLOWER, id), RETRY, Clock.systemUTC()));
    }

    private synchronized void write(String workspaceId) {
        // cleared first: rows queued while this commits ask for another round
        scheduled.remove(workspaceId);
        if (hold) {
            return;
        }
        Pending queued = pending.get(workspaceId);
        if (queued == null) {
            return;
        }
        List<Map<String, Object>> rows;
        long through;
        synchronized (queued) {
            rows = List.copyOf(queued.rows);
            through = queued.through;
        }
        DurableConsumer<Map<String, Object>> consumer = consumer(workspaceId);
        if (through <= consumer.position() && rows.isEmpty()) {
            return;
        }
        HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(through, after -> new Batch<>(rows, Math.max(after, through)));
        if (outcome instanceof HandoffOutcome.Committed<Map<String, Object>>) {
            synchronized (queued) {
                // rows are only ever added at the end: the first ones are those just committed
                queued.rows.subList(0, rows.size()).clear();
            }
            incidents.followed(workspaceId, IncidentAutomation.FOLLOWER, consumer.position());
        } else if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
            LOG.warn("automation's runs of workspace '{}' up to change {} could not be logged (attempt {}); retrying in {}", workspaceId, through,
                    failed.attempt(), failed.retryIn(), failed.cause());
            retryLater(workspaceId, failed.retryIn());
        } else if (outcome instanceof HandoffOutcome.Waiting<Map<String, Object>> later) {
            retryLater(workspaceId, Duration.between(Clock.systemUTC().instant(), later.retryAt()));
        }
    }

    private void retryLater(String workspaceId, Duration pause) {
        if (scheduled.add(workspaceId)) {
            try {
                thread.schedule(() -> write(workspaceId), Math.max(1, pause.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.remove(workspaceId);
            }
        }
    }

    /** Commits what is queued, then stops; what is left is acted on again after the next start. */
    @Override
    public void close() {
        pending.keySet().forEach(workspaceId -> {
            try {
                thread.execute(() -> write(workspaceId));
            } catch (RejectedExecutionException e) {
                // closed already
            }
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
