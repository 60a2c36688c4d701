package dev.vigil.workspace.api;

import java.time.Duration;

/** The ingestion queue cannot take more rows now; retry after the given delay. */
public final class IngestQueueFullException extends WorkspaceException {
    private final Duration retryAfter;

    public IngestQueueFullException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "IngestionQueueFull";
    }
}
