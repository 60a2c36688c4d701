package dev.vigil.server.console.workbooks;

import dev.vigil.server.console.layout.Shell;
import java.util.List;

/**
 * A workbook drawn: its items in document order. The items sit in one form, whose changes (a
 * parameter, the auto-refresh) ask for the items again ({@code itemsHref}) and replace them.
 *
 * @param refreshSeconds how often the items are asked for again; 0 for never
 */
public record WorkbookPage(Shell shell, String name, String source, String viewHref, List<ItemView> items, int refreshSeconds) {
    public static final List<Integer> REFRESH_CHOICES = List.of(0, 60, 300, 900, 1800);
}
