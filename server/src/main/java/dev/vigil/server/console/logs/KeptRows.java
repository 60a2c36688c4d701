package dev.vigil.server.console.logs;

import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.ResultSink;
import dev.vigil.workspace.api.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Takes a Logs query's rows as the store reads them and keeps only the first {@code limit}, counting
 * the rest: the console holds at most that many rows of a result however many the query returns.
 * The page reads them while the query still runs (its first page as soon as there is one), so
 * every access is under this object's lock; the store's thread takes it once a row, uncontended
 * but for the moments a page is read.
 */
final class KeptRows implements ResultSink {
    private final int limit;
    private final int firstPage;
    private final List<List<Object>> rows = new ArrayList<>();
    private List<ColumnSchema> columns = List.of();
    private Optional<Visualization> render = Optional.empty();
    private long read;
    private boolean closed;

    /** Keeps the first {@code limit} rows; those waiting for the first {@code firstPage} are woken when they are there. */
    KeptRows(int limit, int firstPage) {
        this.limit = limit;
        this.firstPage = Math.min(firstPage, limit);
    }

    @Override
    public synchronized void begin(List<ColumnSchema> resultColumns, Optional<Visualization> resultRender) {
        columns = resultColumns;
        render = resultRender;
    }

    @Override
    public synchronized void row(List<Object> values) {
        read++;
        if (rows.size() < limit) {
            rows.add(values);
            if (rows.size() == firstPage) {
                notifyAll();
            }
        }
    }

    /** No more rows come: the query ended, however it did. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Waits at most {@code timeoutNanos} until the first page's rows are kept or no more come; answers whether they are or none come. */
    synchronized boolean awaitFirstPage(long timeoutNanos) throws InterruptedException {
        return awaitUntil(() -> rows.size() >= firstPage, timeoutNanos);
    }

    /** Waits at most {@code timeoutNanos} until no more rows come; answers whether none do. */
    synchronized boolean awaitClose(long timeoutNanos) throws InterruptedException {
        return awaitUntil(() -> false, timeoutNanos);
    }

    private boolean awaitUntil(java.util.function.BooleanSupplier enough, long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (!closed && !enough.getAsBoolean()) {
            long left = timeoutNanos - (System.nanoTime() - start);
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** The rows kept so far. */
    synchronized ResultTable table() {
        return new ResultTable("PrimaryResult", columns, List.copyOf(rows));
    }

    /** The rows read so far, kept or not. */
    synchronized long read() {
        return read;
    }

    synchronized Optional<Visualization> render() {
        return render;
    }
}
