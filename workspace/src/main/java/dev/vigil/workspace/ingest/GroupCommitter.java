package dev.vigil.workspace.ingest;

import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.CommitListener;
import dev.vigil.workspace.api.IngestCommitFailedException;
import dev.vigil.workspace.api.IngestQueueFullException;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.RowError;
import dev.vigil.workspace.api.RowsRejectedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: requests queue up and a single writer thread commits them in batches, in two
 * lanes.
 *
 * <ul>
 *   <li><b>Bulk</b> (rows without a checkpoint: device events, custom logs, audit): a batch closes
 *       when it holds {@code batchMaxRows} rows or when its first request has waited
 *       {@code batchMaxDelay}, whichever comes first.</li>
 *   <li><b>Prompt</b> (rows committed with a consumer's {@link Checkpoint}: the connector, rules,
 *       incidents): committed at the next turn of the writer, ahead of bulk requests queued before
 *       them. Each stage between a device event and an incident is such a hand-off, and behind a
 *       backlog of bulk batches every one of them would wait out the whole backlog. When bulk
 *       rows are due as well, the lanes take turns, so neither can starve the other.</li>
 * </ul>
 *
 * A request is never split, so a batch may exceed {@code batchMaxRows} only when one request
 * alone does; within a lane, requests are committed in the order they were submitted. A
 * request's future completes after the commit that holds its rows.
 *
 * <p>No request can fail another's commit: when a commit fails while storage takes writes (the
 * {@link StorageCheck} says so), the rows of some request were refused, so the batch is halved
 * and each half committed again until the refused requests stand alone. Only those fail, with
 * the row and column the engine refused ({@link RefusedRowSearch}); the others are committed,
 * once each, since a failed commit wrote nothing. When storage does not take writes, every
 * request of the batch fails with {@link IngestCommitFailedException} and may be sent again.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private final BatchWriter writer;
    private final StorageCheck storage;
    private final int batchMaxRows;
    private final long batchMaxDelayNanos;
    private final int queueMaxRows;
    private final MeterRegistry meters;
    private final Timer commitTimer;
    private final Timer promptWait;
    private final Timer bulkWait;
    private final DistributionSummary batchRows;
    private final Counter storageFailures;
    private final Counter refusals;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a request arrives or closing starts. */
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<PendingRows> prompt = new ArrayDeque<>();
    private final ArrayDeque<PendingRows> bulk = new ArrayDeque<>();
    /** Rows in {@link #bulk}. Guarded by {@link #lock}. */
    private long bulkRows;
    /** Guarded by {@link #lock}. */
    private boolean closing;
    /** Whether the last batch was prompt, so that due bulk rows go next. Writer thread only. */
    private boolean lastWasPrompt;
    /** Rows accepted but not yet committed, including the batch being committed. */
    private final AtomicLong waitingRows = new AtomicLong();
    /** Rows per second of recent commits, for the retry-after estimate; 0 until the first commit. */
    private volatile double commitRate;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public GroupCommitter(BatchWriter writer, StorageCheck storage, int batchMaxRows, Duration batchMaxDelay, int queueMaxRows,
                          MeterRegistry meters) {
        this.writer = writer;
        this.storage = storage;
        this.batchMaxRows = batchMaxRows;
        this.batchMaxDelayNanos = batchMaxDelay.toNanos();
        this.queueMaxRows = queueMaxRows;
        this.meters = meters;
        this.commitTimer = Timer.builder("vigil.ingest.commit")
                .description("Time to write and commit one batch of rows")
                .register(meters);
        this.promptWait = waitTimer("prompt", meters);
        this.bulkWait = waitTimer("bulk", meters);
        this.batchRows = DistributionSummary.builder("vigil.ingest.batch.rows")
                .description("Rows per committed batch")
                .register(meters);
        meters.gauge("vigil.ingest.queue.rows", waitingRows);
        this.storageFailures = failedRequests("storage", meters);
        this.refusals = failedRequests("rows", meters);
        this.thread = new Thread(this::run, "vigil-group-commit");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private static Counter failedRequests(String cause, MeterRegistry meters) {
        return Counter.builder("vigil.ingest.failed.requests")
                .description("Requests whose rows were not committed: storage took no writes, or the engine refused their rows")
                .tag("cause", cause)
                .register(meters);
    }

    private static Timer waitTimer(String lane, MeterRegistry meters) {
        return Timer.builder("vigil.ingest.wait")
                .description("Time from a request's submission to the end of the commit holding it")
                .tag("lane", lane)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /**
     * Tells the listener after every commit of rows, once per workspace, with the tables the commit
     * wrote; a consumer's checkpoint committed without rows tells no one (else consumers would wake each other forever).
     */
    public void addListener(CommitListener listener) {
        listeners.add(listener);
    }

    /**
     * Queues one request's rows for commit in the bulk lane.
     *
     * @throws IngestQueueFullException if the rows waiting would exceed {@code queueMaxRows}
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<IngestReceipt> submit(IngestTarget target, List<Object[]> rows) {
        return submit(target, rows, Optional.empty());
    }

    /**
     * As {@link #submit(IngestTarget, List)}, committing the checkpoint with the rows, even when
     * there are none. A request with a checkpoint goes in the prompt lane and is never refused for
     * a full queue: it comes from a consumer that waits for each commit, so such requests cannot
     * pile up, and refusing them would hold alerts back behind bulk ingestion.
     */
    public CompletableFuture<IngestReceipt> submit(IngestTarget target, List<Object[]> rows, Optional<Checkpoint> checkpoint) {
        CompletableFuture<IngestReceipt> receipt = new CompletableFuture<>();
        if (rows.isEmpty() && checkpoint.isEmpty()) {
            receipt.complete(new IngestReceipt(target.workspaceId(), target.table().name(), 0));
            return receipt;
        }
        List<Object[]> copied = List.copyOf(rows);
        // on the caller's thread, before the queue: conversion runs on as many threads as submit
        Optional<PreparedRows> prepared = copied.isEmpty() ? Optional.empty() : prepare(target, copied);
        enqueue(new PendingRows(target, copied, checkpoint, receipt, System.nanoTime(), prepared));
        return receipt;
    }

    /**
     * As {@link #submit(IngestTarget, List)}, for rows validated on their request's body
     * ({@link BodyRowValidator}): the writer takes the body as it is when it can, and {@code values}
     * (the rows' stored values, as {@link RowValidator} gives them) are worked out only when it cannot
     * or when a failed commit looks for the refused row.
     */
    public CompletableFuture<IngestReceipt> submit(IngestTarget target, BodyRows rows, Supplier<List<Object[]>> values) {
        if (rows.rows().isEmpty()) {
            return submit(target, List.of());
        }
        Optional<PreparedRows> prepared = prepare(target, rows);
        if (prepared.isEmpty()) {
            return submit(target, values.get());
        }
        CompletableFuture<IngestReceipt> receipt = new CompletableFuture<>();
        enqueue(new PendingRows(target, new DeferredRows(rows.rows().size(), values), Optional.empty(), receipt, System.nanoTime(), prepared));
        return receipt;
    }

    private void enqueue(PendingRows request) {
        Optional<Checkpoint> checkpoint = request.checkpoint();
        int rowCount = request.size();
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("ingestion is closed");
            }
            if (checkpoint.isPresent()) {
                prompt.add(request);
            } else {
                long waiting = waitingRows.get();
                // An oversized request is let in alone so that it is not refused forever.
                if (waiting > 0 && waiting + rowCount > queueMaxRows) {
                    throw new IngestQueueFullException("the ingestion queue holds " + waiting + " rows waiting for commit (at most "
                            + queueMaxRows + "); retry later", retryAfter(waiting));
                }
                bulk.add(request);
                bulkRows += request.size();
            }
            waitingRows.addAndGet(rowCount);
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    private Optional<PreparedRows> prepare(IngestTarget target, BodyRows rows) {
        try {
            return writer.prepare(target, rows);
        } catch (RuntimeException e) {
            LOG.debug("could not prepare a request's body for {}: {}", target.table().name(), e.toString());
            return Optional.empty();
        }
    }

    private Optional<PreparedRows> prepare(IngestTarget target, List<Object[]> rows) {
        try {
            return writer.prepare(target, rows);
        } catch (RuntimeException e) {
            // the commit converts the rows itself, and reports what it refuses row by row
            LOG.debug("could not prepare rows for {}: {}", target.table().name(), e.toString());
            return Optional.empty();
        }
    }

    /** Stops taking requests, commits everything queued, then stops the writer. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            arrived.signal();
        } finally {
            lock.unlock();
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
                commit(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQueued(new IllegalStateException("the group commit writer was interrupted"));
        }
    }

    /** The next batch to commit, waiting until one is due; null once closed and drained. */
    private List<PendingRows> nextBatch() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                long bulkDeadline = bulk.isEmpty() ? Long.MAX_VALUE : bulk.peek().enqueuedNanos() + batchMaxDelayNanos;
                boolean bulkDue = !bulk.isEmpty() && (closing || bulkRows >= batchMaxRows || now - bulkDeadline >= 0);
                if (!prompt.isEmpty() && !(bulkDue && lastWasPrompt)) {
                    lastWasPrompt = true;
                    return take(prompt);
                }
                if (bulkDue) {
                    lastWasPrompt = false;
                    List<PendingRows> batch = take(bulk);
                    bulkRows -= batch.stream().mapToLong(PendingRows::size).sum();
                    return batch;
                }
                if (closing) {
                    return null;
                }
                if (bulk.isEmpty()) {
                    arrived.await();
                } else {
                    arrived.awaitNanos(bulkDeadline - now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The requests at the head of {@code lane} that fit one batch; at least the first. */
    private List<PendingRows> take(ArrayDeque<PendingRows> lane) {
        List<PendingRows> batch = new ArrayList<>();
        long rows = 0;
        while (!lane.isEmpty() && (batch.isEmpty() || rows + lane.peek().size() <= batchMaxRows)) {
            PendingRows next = lane.poll();
            batch.add(next);
            rows += next.size();
        }
        return batch;
    }

    private void commit(List<PendingRows> batch) {
        long start = System.nanoTime();
        try {
            writer.commit(batch);
        } catch (Exception e) {
            LOG.warn("group commit of {} rows in {} requests failed", rows(batch), batch.size(), e);
            isolate(batch);
            return;
        }
        committed(batch, start);
    }

    /**
     * After a failed commit of {@code batch}, which wrote nothing: commits the requests whose rows
     * the engine takes and fails the others, or fails all when storage takes no writes.
     */
    private void isolate(List<PendingRows> batch) {
        if (!storage.takesWrites()) {
            storageFailures.increment(batch.size());
            fail(batch, new IngestCommitFailedException(
                    "storage cannot take writes at the moment, so none of the request's rows were written; send them again later", null));
            return;
        }
        if (batch.size() == 1) {
            refuse(batch.get(0));
            return;
        }
        int half = batch.size() / 2;
        for (List<PendingRows> part : List.of(batch.subList(0, half), batch.subList(half, batch.size()))) {
            long start = System.nanoTime();
            try {
                writer.commit(part);
            } catch (Exception e) {
                LOG.warn("commit of {} requests, part of a failed group commit, failed too", part.size(), e);
                isolate(part);
                continue;
            }
            committed(part, start);
        }
    }

    /** A request whose commit failed on its own while storage took writes: fails it with the row and column refused. */
    private void refuse(PendingRows request) {
        String table = request.target().table().name();
        Optional<RowError> refused;
        try {
            refused = RefusedRowSearch.locate(writer, request);
        } catch (Exception e) {
            LOG.warn("could not find which row of a request for {} the engine refuses", table, e);
            refused = Optional.empty();
        }
        if (refused.isEmpty()) {
            storageFailures.increment();
            fail(List.of(request), new IngestCommitFailedException(
                    "the commit of the request's rows failed, so none of them were written; send them again later", null));
            return;
        }
        RowError error = refused.get();
        LOG.warn("the engine refused row {} (column {}) of a request for {}.{}: {}", error.row(), error.column(),
                request.target().workspaceId(), table, error.reason());
        refusals.increment();
        fail(List.of(request), new RowsRejectedException(table, List.of(error)));
    }

    private void committed(List<PendingRows> batch, long start) {
        int rows = rows(batch);
        long elapsed = System.nanoTime() - start;
        commitTimer.record(elapsed, TimeUnit.NANOSECONDS);
        batchRows.record(rows);
        double rate = rows / Math.max(elapsed / 1e9, 1e-6);
        commitRate = commitRate <= 0 ? rate : 0.8 * commitRate + 0.2 * rate;
        waitingRows.addAndGet(-rows);
        // before the receipts: whoever waits for one may count on its consumers having been told
        tell(batch);
        long end = System.nanoTime();
        for (PendingRows request : batch) {
            (request.checkpoint().isPresent() ? promptWait : bulkWait).record(end - request.enqueuedNanos(), TimeUnit.NANOSECONDS);
            String table = request.target().table().name();
            meters.counter("vigil.ingest.rows", "workspace", request.target().workspaceId(), "table", table)
                    .increment(request.size());
            request.receipt().complete(new IngestReceipt(request.target().workspaceId(), table, request.size()));
        }
    }

    private void tell(List<PendingRows> batch) {
        if (listeners.isEmpty()) {
            return;
        }
        Map<String, Set<String>> tables = new TreeMap<>();
        for (PendingRows request : batch) {
            if (request.size() > 0) {
                tables.computeIfAbsent(request.target().workspaceId(), workspace -> new TreeSet<>()).add(request.target().table().name());
            }
        }
        tables.replaceAll((workspace, written) -> Set.copyOf(written));
        for (CommitListener listener : listeners) {
            tables.forEach((workspace, written) -> {
                try {
                    listener.committed(workspace, written);
                } catch (RuntimeException e) {
                    // a listener only hastens its consumer, which still polls: the commit stands
                    LOG.warn("a commit listener failed", e);
                }
            });
        }
    }

    private void fail(List<PendingRows> requests, RuntimeException failure) {
        waitingRows.addAndGet(-rows(requests));
        requests.forEach(request -> request.receipt().completeExceptionally(failure));
    }

    private static int rows(List<PendingRows> requests) {
        return requests.stream().mapToInt(PendingRows::size).sum();
    }

    private void failQueued(RuntimeException failure) {
        List<PendingRows> left = new ArrayList<>();
        lock.lock();
        try {
            left.addAll(prompt);
            left.addAll(bulk);
            prompt.clear();
            bulk.clear();
            bulkRows = 0;
        } finally {
            lock.unlock();
        }
        left.forEach(request -> request.receipt().completeExceptionally(failure));
    }
}
