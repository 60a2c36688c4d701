package dev.vigil.workspace.api;

/** Proof that rows are committed. */
public record IngestReceipt(String workspaceId, String table, int rowsCommitted) {
}
