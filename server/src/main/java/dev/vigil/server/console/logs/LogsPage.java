package dev.vigil.server.console.logs;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;

/**
 * The Logs page: the schema pane, the query editor with its time range, and where results appear.
 *
 * @param query the query to start with, from a shared link or the last run
 * @param timespan the chosen time range (ISO 8601 duration), empty for "set in query"
 * @param queriesHref the running queries; {@code DELETE} on {@code <queriesHref>/<id>} cancels one
 * @param historyHref the user's last queries (a fragment)
 * @param savedHref the workspace's saved queries (a fragment); {@code POST} saves one
 * @param save whether the user may save queries (Contributor), and if not why
 */
public record LogsPage(Shell shell, SchemaPane schema, String query, String timespan, List<TimeRange> timeRanges, String runAction,
        String catalogHref, String diagnosticsHref, String queriesHref, String historyHref, String savedHref, Permit save) {

    public record TimeRange(String value, String label, boolean selected) {
    }
}
