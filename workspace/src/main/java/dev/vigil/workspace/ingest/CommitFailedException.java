package dev.vigil.workspace.ingest;

/** A group commit failed; none of the rows of its batch were written. */
public final class CommitFailedException extends RuntimeException {
    public CommitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
