package dev.vigil.server.console.workbooks;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * The workbook editor: the draft's items in order with their fields and buttons (up, down, delete),
 * buttons to add a text, query or parameters item, and Save.
 *
 * @param action where the form posts its changes and its save
 * @param etag the revision the draft was read at, which a save must still find
 * @param permit whether the viewer may edit; when not, the form is disabled and says why
 * @param error what the last change or save could not do, in a sentence at the top
 * @param errors the fields it concerns, each with its problem, shown beside it
 */
public record EditorPage(Shell shell, String viewHref, String action, String displayName, String etag, List<EditorItem> items, Permit permit,
        Optional<String> error, EditorErrors errors) {
    public static final List<String> VISUALIZATIONS = WorkbookDraft.VISUALIZATIONS;
}
