package dev.vigil.workspace.api;

/**
 * A group commit failed (e.g. the disk is full); none of the rows of its batch were written, so
 * the client may send them again.
 */
public final class IngestCommitFailedException extends WorkspaceException {
    public IngestCommitFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "IngestCommitFailed";
    }
}
