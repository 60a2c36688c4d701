package dev.vigil.workspace.ingest;

import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.IngestReceipt;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One request's validated rows waiting for commit; never split between commits.
 *
 * @param rows stored values in the table's column order
 * @param checkpoint a consumer position to commit with the rows
 * @param enqueuedNanos {@link System#nanoTime()} when queued, from which the batch delay counts
 * @param prepared the rows in the writer's form, when it prepared them ({@link BatchWriter#prepare})
 */
public record PendingRows(IngestTarget target, List<Object[]> rows, Optional<Checkpoint> checkpoint,
                          CompletableFuture<IngestReceipt> receipt, long enqueuedNanos, Optional<PreparedRows> prepared) {

    /** Rows the writer has not prepared. */
    public PendingRows(IngestTarget target, List<Object[]> rows, Optional<Checkpoint> checkpoint, CompletableFuture<IngestReceipt> receipt,
                       long enqueuedNanos) {
        this(target, rows, checkpoint, receipt, enqueuedNanos, Optional.empty());
    }

    public int size() {
        return rows.size();
    }
}
