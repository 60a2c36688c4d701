package dev.vigil.workspace.ingest;

import java.util.List;

/** Writes a batch of requests to the engine in one transaction. Called from one thread only. */
public interface BatchWriter {

    /**
     * Writes every request's rows and commits durably, or writes nothing.
     *
     * @throws Exception if anything was not written; the transaction is then rolled back
     */
    void commit(List<PendingRows> batch) throws Exception;
}
