package dev.vigil.server.api.ingestion;

import dev.vigil.workspace.api.IngestReceipt;

/** The answer to a committed ingestion request. */
record IngestResultJson(String workspace, String table, int rowsCommitted) {
    static IngestResultJson of(IngestReceipt receipt) {
        return new IngestResultJson(receipt.workspaceId(), receipt.table(), receipt.rowsCommitted());
    }
}
