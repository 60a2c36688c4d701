package dev.vigil.server.console.incidents;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident queue: counts, the filters, a page of incidents with their selection for bulk actions, and what the
 * last bulk action did to each selected incident.
 *
 * @param eventsHref the stream that sends the table again when the workspace's incidents change
 * @param permit whether the user may change incidents (Responder), and if not why
 * @param firstHref the first page, when this is a later one
 * @param nextHref the next page, when more incidents pass the filters
 * @param connectorsHref where incidents are turned on, for an empty queue
 */
public record IncidentQueuePage(Shell shell, Counts counts, QueueFilters filters, Table table, String action, String eventsHref, String bulkAction,
        Permit permit, Optional<BulkOutcome> outcome, Options options, Optional<String> firstHref, Optional<String> nextHref) {

    /** The options of the filters and of the bulk actions. */
    public record Options(List<String> severities, List<String> statuses, Map<String, String> owners, Map<String, String> products,
            Map<String, String> timeRanges, Map<String, String> sorts, List<ClosureChoice> closures) {
    }

    /** The tiles: open incidents by severity, and all by status. */
    public record Counts(List<Count> bySeverity, List<Count> byStatus) {
    }

    /** @param href the queue filtered to what the tile counts */
    public record Count(String label, long count, String tone, String href) {
    }

    /** The rows, and what an empty table says. */
    public record Table(List<Row> rows, boolean filtered, String clearHref, String connectorsHref, String analyticsHref, boolean selectable) {
    }

    public record Row(long number, String title, String href, String severity, String status, String owner, int alerts, String product,
            String created, String lastModified) {
    }

    /** What a bulk action did: one line per selected incident. */
    public record BulkOutcome(String action, List<Result> results) {
        public long failed() {
            return results.stream().filter(r -> !r.ok()).count();
        }
    }

    public record Result(long number, boolean ok, String message) {
    }
}
