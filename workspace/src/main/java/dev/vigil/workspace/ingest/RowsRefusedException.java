package dev.vigil.workspace.ingest;

/**
 * The engine refused rows that passed validation. The message is the engine's reason, shown to
 * the client that sent the rows, so it names no file.
 */
public final class RowsRefusedException extends Exception {
    public RowsRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
