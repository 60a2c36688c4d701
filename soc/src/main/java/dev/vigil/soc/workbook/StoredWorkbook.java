package dev.vigil.soc.workbook;

import java.time.Instant;

/** A workbook as the state store keeps it: the document as text, exactly as saved, and what the store adds. */
record StoredWorkbook(String workspaceId, String id, String displayName, String category, String sourceTemplate, String document,
        Instant created, Instant updated, String createdBy, String updatedBy, long revision) {
}
