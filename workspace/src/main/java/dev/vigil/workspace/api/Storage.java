package dev.vigil.workspace.api;

/** Everything kept in one data directory: the log workspaces and the control-plane state. */
public interface Storage extends AutoCloseable {

    LogStore logStore();

    StateStore stateStore();

    /** Commits what is queued, then releases the database. */
    @Override
    void close();
}
