package dev.vigil.soc.workbook;

import dev.vigil.soc.workbook.notebook.NotebookDocument;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved workbook of a workspace.
 *
 * @param document the {@code Notebook/1.0} document, parsed, with its JSON kept as saved
 * @param sourceTemplate the gallery template it was made from, or empty
 * @param revision counts its saves from 1; the etag is made of it
 */
public record Workbook(String workspaceId, String id, String displayName, String category, String sourceTemplate, NotebookDocument document,
        Instant created, Instant updated, String createdBy, String updatedBy, long revision) {

    public Workbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(document, "document");
    }

    public String etag() {
        return "\"" + revision + "\"";
    }
}
