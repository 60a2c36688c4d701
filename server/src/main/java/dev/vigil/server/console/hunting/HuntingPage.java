package dev.vigil.server.console.hunting;

import dev.vigil.server.console.layout.Shell;
import java.util.List;

/** Hunting: the workspace's hunting queries, each runnable over a time range, the results of the last run, and the bookmarks. */
public record HuntingPage(Shell shell, List<QueryRow> queries, List<TimeRange> ranges, BookmarkList bookmarks) {

    /**
     * A hunting query as the list shows it.
     *
     * @param dataSources the tables its required data connectors bring
     */
    public record QueryRow(String id, String name, String description, String tactics, String techniques, String dataSources, String runHref) {
    }

    /** A choice of the time range a run looks back over, e.g. {@code P1D} "Last 24 hours". */
    public record TimeRange(String value, String label, boolean selected) {
    }

    public HuntingPage {
        queries = List.copyOf(queries);
        ranges = List.copyOf(ranges);
    }
}
