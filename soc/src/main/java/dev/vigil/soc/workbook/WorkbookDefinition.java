package dev.vigil.soc.workbook;

import dev.vigil.soc.workbook.notebook.NotebookDocument;
import java.util.Objects;

/** What a client sets when it saves a workbook: its name, gallery category, template of origin and document. */
public record WorkbookDefinition(String displayName, String category, String sourceTemplate, NotebookDocument document) {
    public WorkbookDefinition {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sourceTemplate, "sourceTemplate");
        Objects.requireNonNull(document, "document");
    }
}
