package dev.vigil.soc.incident;

import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.workspace.api.LogStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@code SecurityIncident} row of every change, exactly once, then tells the
 * listeners. One thread does it for all workspaces, so that each workspace's rows and its
 * checkpoint ({@code incidents/<workspace>}, the last change sequence logged) advance in order:
 * rows and checkpoint are committed in one transaction, and a restart continues after the
 * checkpoint (each workspace's {@link DurableConsumer}). A failed write is retried, with a pause,
 * until it succeeds or the log is closed: no row is ever given up.
 */
final class SecurityIncidentLog implements AutoCloseable {
    static final int MAX_BATCH = 1_000;
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(SecurityIncidentLog.class);

    private final LogStore logStore;
    private final SecurityIncidentRows rows;
    private final boolean holdRows;
    private final List<IncidentListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Map<String, DurableConsumer<Map<String, Object>>> consumers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "vigil-incident-log");
        t.setDaemon(true);
        return t;
    });

    /** @param holdRows writes nothing (tests use it to stop between a change and its row, as a crash would) */
    SecurityIncidentLog(LogStore logStore, SecurityIncidentRows rows, boolean holdRows) {
        this.logStore = logStore;
        this.rows = rows;
        this.holdRows = holdRows;
    }

    static String consumer(String workspaceId) {
        return "incidents/" + workspaceId;
    }

    /** The last change whose row the workspace's log has committed. */
    long position(String workspaceId) {
        return consumerOf(workspaceId).position();
    }

    /** Paced by the system clock: a retry waits out a fault of the machine, whatever the incidents' clock tells. */
    private DurableConsumer<Map<String, Object>> consumerOf(String workspaceId) {
        return consumers.computeIfAbsent(workspaceId, id -> DurableConsumer.writingTable(logStore, id, SecurityIncidentRows.TABLE, consumer(id),
                RetryPolicy.fixed(RETRY_PAUSE, RetryPolicy.FOREVER), Clock.systemUTC()));
    }

    void addListener(IncidentListener listener) {
        listeners.add(listener);
    }

    /** Asks for the workspace's unlogged changes to be written soon; asking again before that changes nothing. */
    void requestWrite(WorkspaceIncidents incidents) {
        if (!holdRows && scheduled.add(incidents.workspaceId())) {
            try {
                thread.execute(() -> write(incidents));
            } catch (RejectedExecutionException e) {
                scheduled.remove(incidents.workspaceId());
                LOG.warn("incident log closed; the rows of workspace '{}' are written on the next start", incidents.workspaceId());
            }
        }
    }

    private void write(WorkspaceIncidents incidents) {
        // cleared first: a change made while this runs asks for another round
        scheduled.remove(incidents.workspaceId());
        DurableConsumer<Map<String, Object>> consumer = consumerOf(incidents.workspaceId());
        List<UnloggedChange> batch = incidents.unloggedBatch(MAX_BATCH);
        while (!batch.isEmpty()) {
            long through = batch.get(batch.size() - 1).sequence();
            List<UnloggedChange> changes = batch;
            HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(through,
                    after -> new Batch<>(changes.stream().map(change -> rows.row(change.incident())).toList(), through));
            if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
                retryLater(incidents, failed.cause(), failed.retryIn());
                return;
            }
            if (outcome instanceof HandoffOutcome.Waiting<Map<String, Object>>) {
                return; // a retry is scheduled already
            }
            incidents.rowsCommitted(through);
            batch.forEach(change -> tell(change.event()));
            // after the listeners, so that whoever waits for the rows also finds the listeners done
            incidents.logged(through);
            batch = incidents.unloggedBatch(MAX_BATCH);
        }
    }

    private void retryLater(WorkspaceIncidents incidents, Throwable failure, Duration pause) {
        LOG.warn("could not write SecurityIncident rows of workspace '{}'; retrying in {}", incidents.workspaceId(), pause, failure);
        if (scheduled.add(incidents.workspaceId())) {
            try {
                thread.schedule(() -> write(incidents), pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.remove(incidents.workspaceId());
            }
        }
    }

    private void tell(IncidentEvent event) {
        for (IncidentListener listener : listeners) {
            try {
                listener.incidentChanged(event);
            } catch (RuntimeException e) {
                LOG.error("an incident listener failed on change {} of workspace '{}'", event.sequence(), event.workspaceId(), e);
            }
        }
    }

    /** Writes what is pending for these workspaces, then stops; what is left is written on the next start. */
    void close(List<WorkspaceIncidents> workspaces) {
        if (!holdRows) {
            workspaces.forEach(incidents -> {
                try {
                    thread.execute(() -> write(incidents));
                } catch (RejectedExecutionException e) {
                    // closed already
                }
            });
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("SecurityIncident rows still pending after {}; they are written on the next start", CLOSE_WAIT);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(List.of());
    }
}
