package dev.vigil.iot.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes occurrences into {@link IotAlerts} on a thread of its own, everything that queued up
 * meanwhile in one state-store transaction. Detection lanes hand over and go on, so an alert
 * costs them no storage round trip, and a burst of alerts costs one commit, not one each.
 * Occurrences are written in the order they were handed over.
 */
public final class AlertWriter implements AlertSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWriter.class);
    /** Occurrences waiting at most; beyond that a lane waits, which is the back-pressure detection already copes with. */
    static final int QUEUE_CAPACITY = 100_000;
    static final int MAX_BATCH = 1_000;
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    /** A queue entry: an occurrence to write, a flush to complete, or the end. */
    private sealed interface Task {
    }

    private record Write(AlertOccurrence occurrence) implements Task {
    }

    private record Flush(CompletableFuture<Void> done) implements Task {
    }

    private record Stop() implements Task {
    }

    private final IotAlerts alerts;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean stopping;

    public AlertWriter(IotAlerts alerts) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.thread = new Thread(this::run, "vigil-alert-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void raise(AlertOccurrence occurrence) {
        enqueue(new Write(Objects.requireNonNull(occurrence, "occurrence")));
    }

    @Override
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new Flush(done));
        return done;
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        if (!stopping) {
            enqueue(new Stop());
            stopping = true;
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(Task task) {
        if (stopping) {
            throw new IllegalStateException("the alert writer is closed");
        }
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over an alert", e);
        }
    }

    private void run() {
        List<Task> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            List<AlertOccurrence> occurrences = batch.stream().filter(Write.class::isInstance).map(task -> ((Write) task).occurrence()).toList();
            if (!occurrences.isEmpty()) {
                writeUntilStored(occurrences);
            }
            for (Task task : batch) {
                if (task instanceof Flush flush) {
                    flush.done().complete(null);
                } else if (task instanceof Stop) {
                    return;
                }
            }
            batch.clear();
        }
    }

    /** Storage may fail for a while (disk full, a long checkpoint): the occurrences wait rather than vanish. */
    private void writeUntilStored(List<AlertOccurrence> occurrences) {
        long delay = 100;
        while (true) {
            try {
                alerts.raiseAll(occurrences);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.error("{} alert occurrences could not be stored before shutdown and are lost", occurrences.size(), e);
                    return;
                }
                LOG.warn("storing {} alert occurrences failed; retrying in {} ms", occurrences.size(), delay, e);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = Math.min(delay * 2, MAX_RETRY_DELAY.toMillis());
            }
        }
    }
}
