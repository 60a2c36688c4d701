package dev.vigil.soc.workbook;

import dev.vigil.soc.workbook.notebook.NotebookDocument;
import java.util.Objects;

/** A template of the gallery: a workbook ready to save into a workspace or view as it is. */
public record WorkbookTemplate(String id, String displayName, String description, String category, NotebookDocument document) {
    public WorkbookTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(document, "document");
    }
}
