package dev.vigil.workspace.api;

/** Everything kept in one data directory: the log workspaces and the control-plane state. */
public interface Storage extends AutoCloseable {

    LogStore logStore();

    StateStore stateStore();

    /**
     * Whether storage takes writes. Probed at start (a data directory that cannot be written does
     * not open), after every failed commit, and periodically, so that it recovers by itself once
     * the cause is gone.
     */
    StorageHealth health();

    /**
     * Deletes the rows past their table's retention now, in small steps between commits; it also
     * runs by itself every hour. Returns what it deleted.
     */
    PurgeReport purgeExpiredRows();

    /** Commits what is queued, then releases the database. */
    @Override
    void close();
}
