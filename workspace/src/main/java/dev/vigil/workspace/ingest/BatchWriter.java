package dev.vigil.workspace.ingest;

import java.util.List;
import java.util.Optional;

/** Writes a batch of requests to the engine in one transaction. Called from one thread only, but for {@link #prepare}. */
public interface BatchWriter {

    /**
     * Puts one request's rows in the writer's form ahead of its commit, on the submitting thread
     * (so on many threads at once); empty when the writer has nothing to prepare or the rows cannot
     * be prepared, in which case {@link #commit} works from the rows themselves.
     */
    default Optional<PreparedRows> prepare(IngestTarget target, List<Object[]> rows) {
        return Optional.empty();
    }

    /**
     * As {@link #prepare(IngestTarget, List)}, from the request's own body and what validation
     * changes in it, so that the rows need not be converted one value at a time; empty when the
     * writer cannot take the body as it is.
     */
    default Optional<PreparedRows> prepare(IngestTarget target, BodyRows rows) {
        return Optional.empty();
    }

    /**
     * Writes every request's rows and commits durably, or writes nothing.
     *
     * @throws Exception if anything was not written; the transaction is then rolled back
     */
    void commit(List<PendingRows> batch) throws Exception;

    /**
     * Writes the rows as {@link #commit} would, then rolls them back: whether the engine takes
     * them. Used to find which row of a request the engine refuses after its commit failed.
     *
     * @throws RowsRefusedException if the engine refuses the rows' data
     * @throws Exception if the trial could not be made, e.g. storage failed
     */
    void trial(IngestTarget target, List<Object[]> rows) throws Exception;
}
