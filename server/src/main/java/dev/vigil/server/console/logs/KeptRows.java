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
 * A query with several result tables (a batch of statements, {@code fork}, {@code facet}) gives each in turn; the
 * limit counts the rows of all of them, so a later table keeps what the earlier ones left.
 * The page reads them while the query still runs (its first page as soon as there is one), so
 * every access is under this object's lock; the store's thread takes it once a row, uncontended
 * but for the moments a page is read.
 */
final class KeptRows implements ResultSink {
    /** The name of a query's only result table. */
    private static final String PRIMARY = "PrimaryResult";
    private final int limit;
    private final int firstPage;
    private final List<Kept> tables = new ArrayList<>();
    private Optional<Visualization> render = Optional.empty();
    private int keptRows;
    private boolean closed;

    /** One result table: its rows kept so far, and how many it had. */
    private static final class Kept {
        final String name;
        final List<ColumnSchema> columns;
        final List<List<Object>> rows = new ArrayList<>();
        long read;

        Kept(String name, List<ColumnSchema> columns) {
            this.name = name;
            this.columns = columns;
        }
    }

    /** Keeps the first {@code limit} rows; those waiting for the first {@code firstPage} are woken when they are there. */
    KeptRows(int limit, int firstPage) {
        this.limit = limit;
        this.firstPage = Math.min(firstPage, limit);
    }

    @Override
    public synchronized void begin(List<ColumnSchema> resultColumns, Optional<Visualization> resultRender) {
        begin(PRIMARY, resultColumns, resultRender);
    }

    @Override
    public synchronized void begin(String table, List<ColumnSchema> columns, Optional<Visualization> resultRender) {
        tables.add(new Kept(table, columns));
        render = resultRender;
        if (tables.size() == 2) {
            // the first table is whole: its page is there, however few rows it has
            notifyAll();
        }
    }

    @Override
    public boolean takesEveryTable() {
        return true;
    }

    @Override
    public synchronized void row(List<Object> values) {
        Kept table = tables.get(tables.size() - 1);
        table.read++;
        if (keptRows < limit) {
            table.rows.add(values);
            keptRows++;
            if (tables.size() == 1 && table.rows.size() == firstPage) {
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
        return awaitUntil(() -> tables.size() > 1 || !tables.isEmpty() && tables.get(0).rows.size() >= firstPage, timeoutNanos);
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

    /** The rows kept so far of the first table. */
    synchronized ResultTable table() {
        return table(0);
    }

    /** The rows kept so far of the table at this position (the last one begun, if there are fewer; none before the first). */
    synchronized ResultTable table(int position) {
        if (tables.isEmpty()) {
            return new ResultTable(PRIMARY, List.of(), List.of());
        }
        Kept table = tables.get(Math.min(position, tables.size() - 1));
        return new ResultTable(table.name, table.columns, List.copyOf(table.rows));
    }

    /** The names of the tables begun so far, in order. */
    synchronized List<String> tableNames() {
        return tables.stream().map(t -> t.name).toList();
    }

    /** The rows read so far, kept or not, of every table. */
    synchronized long read() {
        return tables.stream().mapToLong(t -> t.read).sum();
    }

    /** The rows read so far, kept or not, of the table at this position (as {@link #table(int)} picks it). */
    synchronized long read(int position) {
        return tables.isEmpty() ? 0 : tables.get(Math.min(position, tables.size() - 1)).read;
    }

    synchronized Optional<Visualization> render() {
        return render;
    }
}
