package dev.vigil.server.console.logs;

import dev.vigil.kql.Visualization;
import dev.vigil.workspace.api.QueryCancellation;
import java.util.Optional;

/**
 * A Logs query's result as the page shows it, while the query runs and after: its first rows
 * ({@link KeptRows}), how it ended, and who watches it. A running result that nobody watches (the
 * page that ran it was closed) is stopped by {@link LogsQueries}.
 */
final class KeptResult {
    private final String id;
    private final String owner;
    private final String workspace;
    private final KeptRows rows;
    private final QueryCancellation cancellation;
    private final long startedNanos = System.nanoTime();
    private volatile Ending ending;
    private int watchers;
    private long unwatchedSinceNanos = System.nanoTime();

    /**
     * How the query ended.
     *
     * @param totalRows the rows it returned, of which the first are kept
     * @param cut why its own result was cut short, at the store's result limits
     * @param error why it failed, in words the page shows
     */
    record Ending(long totalRows, long elapsedMillis, Optional<String> cut, Optional<String> error) {
    }

    KeptResult(String id, String owner, String workspace, KeptRows rows, QueryCancellation cancellation) {
        this.id = id;
        this.owner = owner;
        this.workspace = workspace;
        this.rows = rows;
        this.cancellation = cancellation;
    }

    String id() {
        return id;
    }

    boolean belongsTo(String user, String inWorkspace) {
        return owner.equals(user) && workspace.equals(inWorkspace);
    }

    KeptRows rows() {
        return rows;
    }

    /** How it ended; empty while it runs. */
    Optional<Ending> ending() {
        return Optional.ofNullable(ending);
    }

    Optional<String> render() {
        return rows.render().map(Visualization::kind);
    }

    /** The rows it returned: all once it ended, those read so far while it runs. */
    long totalRows() {
        Ending ended = ending;
        return ended == null ? rows.read() : ended.totalRows();
    }

    long elapsedMillis() {
        Ending ended = ending;
        return ended == null ? millisSince(startedNanos) : ended.elapsedMillis();
    }

    void finish(long totalRows, Optional<String> cut) {
        end(new Ending(totalRows, millisSince(startedNanos), cut, Optional.empty()));
    }

    void fail(String message) {
        end(new Ending(0, millisSince(startedNanos), Optional.empty(), Optional.of(message)));
    }

    private void end(Ending how) {
        ending = how;
        rows.close();
    }

    void cancel(QueryCancellation.Reason reason, String message) {
        cancellation.cancel(reason, message);
    }

    /** A request of the page's waits on the result: the page is open. */
    synchronized void watch() {
        watchers++;
    }

    synchronized void unwatch() {
        watchers--;
        unwatchedSinceNanos = System.nanoTime();
    }

    /** Whether it still runs with nobody watching it for longer than {@code nanos}. */
    synchronized boolean abandoned(long nanos) {
        return ending == null && watchers == 0 && System.nanoTime() - unwatchedSinceNanos > nanos;
    }

    static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
