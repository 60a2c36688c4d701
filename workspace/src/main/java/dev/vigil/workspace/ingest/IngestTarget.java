package dev.vigil.workspace.ingest;

import dev.vigil.workspace.catalog.WorkspaceTable;

/** The table rows go to. */
public record IngestTarget(String workspaceId, WorkspaceTable table) {
}
