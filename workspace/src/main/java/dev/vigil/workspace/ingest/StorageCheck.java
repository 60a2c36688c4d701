package dev.vigil.workspace.ingest;

/** Tells a failure of storage from a failure of the rows being written, by writing something of its own. */
public interface StorageCheck {

    /**
     * Writes and commits a probe of its own now.
     *
     * @return false when storage cannot take writes; the reason is then reported as storage's health
     */
    boolean takesWrites();
}
