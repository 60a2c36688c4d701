package dev.vigil.server.console.hunting;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * One bookmark, to edit: its name, notes and labels (as the API's {@code PATCH} edits them), the
 * bookmarked row and query (kept as bookmarked), and the incident it is attached to, or a field to
 * attach it to one.
 *
 * @param queryResult the bookmarked row, a cell per column
 * @param incident the incident it is attached to ({@code #3 SSH guessing}), or empty
 * @param message what the last save did, or why it was refused
 */
public record BookmarkEditPage(Shell shell, String id, String name, String notes, String labels, String tactics, String techniques,
                               String query, List<Cell> queryResult, String incident, Permit permit, String action, String backHref,
                               Optional<BookmarkList.Message> message) {

    public record Cell(String column, String value) {
    }

    public BookmarkEditPage {
        queryResult = List.copyOf(queryResult);
    }
}
