package dev.vigil.workspace.api;

/**
 * The rows committed in ingestion batches {@code (after, upTo]} of a workspace. Every commit of a
 * workspace gets the next batch number ({@link LogStore#ingestedThrough(String)} is the newest),
 * so consecutive windows see every row once, in commit order, however old its
 * {@code TimeGenerated}: what a near-real-time rule reads on each run.
 */
public record IngestionWindow(long after, long upTo) {
    public IngestionWindow {
        if (after < 0 || upTo < after) {
            throw new IllegalArgumentException("an ingestion window needs 0 <= after <= upTo, was (" + after + ", " + upTo + "]");
        }
    }

    public boolean isEmpty() {
        return upTo == after;
    }
}
