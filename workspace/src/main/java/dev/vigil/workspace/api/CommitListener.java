package dev.vigil.workspace.api;

import java.util.Set;

/**
 * Told after rows are committed, so that a consumer of a table can read them at once instead of
 * at its next poll. Called on the committing thread: it must return quickly (set a flag, hand
 * off), never query or ingest.
 */
@FunctionalInterface
public interface CommitListener {

    /** Rows of these tables of the workspace were committed and are now visible to queries. */
    void committed(String workspaceId, Set<String> tables);
}
