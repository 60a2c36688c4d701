package dev.vigil.server.console.workbooks;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * A workbook drawn: its items in document order. The items sit in one form; a parameter change
 * asks for the items that depend on it ({@code applied} tells the server what the page shows now)
 * and replaces those alone, and the auto-refresh asks for all of them again.
 *
 * @param items every item's slot for a whole page; for a change, only the slots it redraws
 * @param refreshSeconds how often the items are asked for again; 0 for never
 * @param applied the parameter values the page's controls hold, as the form sends them, so that the next request can tell what changed
 * @param changes whether this answers a change: the slots replace theirs out of band, and nothing else moves
 * @param editHref the workbook's editor, for a saved workbook
 * @param saveAsHref where a template is saved into the workspace's workbooks, for a template
 * @param edit whether the viewer may edit (or save a template), and why not
 */
public record WorkbookPage(Shell shell, String name, String source, String viewHref, List<ItemSlot> items, int refreshSeconds, String applied,
        List<LinkParameter> linkParameters, boolean changes, Optional<String> editHref, Optional<String> saveAsHref, Permit edit) {
    public static final List<Integer> REFRESH_CHOICES = List.of(0, 60, 300, 900, 1800);
    /** The form field that carries {@link #applied}; the auto-refresh leaves it out, to redraw everything. */
    public static final String APPLIED_FIELD = "_applied";
}
