package dev.vigil.workspace.ingest;

import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.IngestCommitFailedException;
import dev.vigil.workspace.api.IngestQueueFullException;
import dev.vigil.workspace.api.IngestReceipt;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: requests queue up and a single writer thread commits them in batches. A batch
 * closes when it holds {@code batchMaxRows} rows or when its first request has waited
 * {@code batchMaxDelay}, whichever comes first; a request is never split, so a batch may exceed
 * {@code batchMaxRows} only when one request alone does. A request's future completes after the
 * commit that holds its rows, or exceptionally with every other future of a failed commit.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    private final BatchWriter writer;
    private final int batchMaxRows;
    private final long batchMaxDelayNanos;
    private final int queueMaxRows;
    private final MeterRegistry meters;
    private final Timer commitTimer;
    private final DistributionSummary batchRows;

    private final LinkedBlockingQueue<PendingRows> queue = new LinkedBlockingQueue<>();
    /** Rows accepted but not yet committed, including the batch being committed. */
    private final AtomicLong waitingRows = new AtomicLong();
    /** Rows per second of recent commits, for the retry-after estimate; 0 until the first commit. */
    private volatile double commitRate;
    private final Object admission = new Object();
    private boolean closing;
    private final Thread thread;
    /** A request that did not fit the batch before; it opens the next one. Writer thread only. */
    private PendingRows carried;

    public GroupCommitter(BatchWriter writer, int batchMaxRows, Duration batchMaxDelay, int queueMaxRows, MeterRegistry meters) {
        this.writer = writer;
        this.batchMaxRows = batchMaxRows;
        this.batchMaxDelayNanos = batchMaxDelay.toNanos();
        this.queueMaxRows = queueMaxRows;
        this.meters = meters;
        this.commitTimer = Timer.builder("vigil.ingest.commit")
                .description("Time to write and commit one batch of rows")
                .register(meters);
        this.batchRows = DistributionSummary.builder("vigil.ingest.batch.rows")
                .description("Rows per committed batch")
                .register(meters);
        meters.gauge("vigil.ingest.queue.rows", waitingRows);
        this.thread = new Thread(this::run, "vigil-group-commit");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues one request's rows for commit.
     *
     * @throws IngestQueueFullException if the rows waiting would exceed {@code queueMaxRows}
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<IngestReceipt> submit(IngestTarget target, List<Object[]> rows) {
        return submit(target, rows, Optional.empty());
    }

    /** As {@link #submit(IngestTarget, List)}, committing the checkpoint with the rows, even when there are none. */
    public CompletableFuture<IngestReceipt> submit(IngestTarget target, List<Object[]> rows, Optional<Checkpoint> checkpoint) {
        CompletableFuture<IngestReceipt> receipt = new CompletableFuture<>();
        if (rows.isEmpty() && checkpoint.isEmpty()) {
            receipt.complete(new IngestReceipt(target.workspaceId(), target.table().name(), 0));
            return receipt;
        }
        synchronized (admission) {
            if (closing) {
                throw new IllegalStateException("ingestion is closed");
            }
            long waiting = waitingRows.get();
            // An oversized request is let in alone so that it is not refused forever.
            if (waiting > 0 && waiting + rows.size() > queueMaxRows) {
                throw new IngestQueueFullException("the ingestion queue holds " + waiting + " rows waiting for commit (at most "
                        + queueMaxRows + "); retry later", retryAfter(waiting));
            }
            waitingRows.addAndGet(rows.size());
            queue.add(new PendingRows(target, List.copyOf(rows), checkpoint, receipt, System.nanoTime()));
        }
        return receipt;
    }

    /** Stops taking requests, commits everything queued, then stops the writer. */
    @Override
    public void close() {
        synchronized (admission) {
            closing = true;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration retryAfter(long waiting) {
        double rate = commitRate;
        if (rate <= 0) {
            return Duration.ofSeconds(1);
        }
        long seconds = (long) Math.ceil(waiting / rate);
        return Duration.ofSeconds(Math.max(1, Math.min(60, seconds)));
    }

    private void run() {
        try {
            while (true) {
                List<PendingRows> batch = nextBatch();
                if (batch == null) {
                    return;
                }
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQueued(new IllegalStateException("the group commit writer was interrupted"));
        }
    }

    /** The next batch, empty when there is nothing yet, or null when closed and drained. */
    private List<PendingRows> nextBatch() throws InterruptedException {
        PendingRows first = carried;
        carried = null;
        if (first == null) {
            first = queue.poll(IDLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (first == null) {
            return isDrained() ? null : List.of();
        }
        List<PendingRows> batch = new ArrayList<>();
        batch.add(first);
        int rows = first.size();
        long deadline = first.enqueuedNanos() + batchMaxDelayNanos;
        while (rows < batchMaxRows) {
            long wait = deadline - System.nanoTime();
            PendingRows next;
            if (wait <= 0 || isClosing()) {
                next = queue.poll();
                if (next == null) {
                    break;
                }
            } else {
                // In slices, so that close() is noticed during a long delay.
                next = queue.poll(Math.min(wait, IDLE_POLL.toNanos()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    continue;
                }
            }
            if (rows + next.size() > batchMaxRows) {
                carried = next;
                break;
            }
            batch.add(next);
            rows += next.size();
        }
        return batch;
    }

    private boolean isClosing() {
        synchronized (admission) {
            return closing;
        }
    }

    private boolean isDrained() {
        synchronized (admission) {
            return closing && queue.isEmpty() && carried == null;
        }
    }

    private void commit(List<PendingRows> batch) {
        int rows = batch.stream().mapToInt(PendingRows::size).sum();
        long start = System.nanoTime();
        try {
            writer.commit(batch);
        } catch (Exception e) {
            LOG.error("group commit of {} rows in {} requests failed", rows, batch.size(), e);
            IngestCommitFailedException failure = new IngestCommitFailedException(
                    "the commit of " + rows + " rows failed; none were written: " + e.getMessage(), e);
            waitingRows.addAndGet(-rows);
            batch.forEach(request -> request.receipt().completeExceptionally(failure));
            return;
        }
        long elapsed = System.nanoTime() - start;
        commitTimer.record(elapsed, TimeUnit.NANOSECONDS);
        batchRows.record(rows);
        double rate = rows / Math.max(elapsed / 1e9, 1e-6);
        commitRate = commitRate <= 0 ? rate : 0.8 * commitRate + 0.2 * rate;
        waitingRows.addAndGet(-rows);
        for (PendingRows request : batch) {
            String table = request.target().table().name();
            meters.counter("vigil.ingest.rows", "workspace", request.target().workspaceId(), "table", table)
                    .increment(request.size());
            request.receipt().complete(new IngestReceipt(request.target().workspaceId(), table, request.size()));
        }
    }

    private void failQueued(RuntimeException failure) {
        List<PendingRows> left = new ArrayList<>();
        queue.drainTo(left);
        if (carried != null) {
            left.add(carried);
        }
        left.forEach(request -> request.receipt().completeExceptionally(failure));
    }
}
