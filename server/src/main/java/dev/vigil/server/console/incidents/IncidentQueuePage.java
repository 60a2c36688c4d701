package dev.vigil.server.console.incidents;

import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * The incident queue: counts of open incidents, the filters, and a page of incidents, newest first.
 *
 * @param nextHref the next page, when more incidents pass the filters
 * @param connectorsHref where incidents are turned on, for an empty queue
 */
public record IncidentQueuePage(Shell shell, List<Count> counts, String search, String severity, String status, List<String> severities,
        List<String> statuses, List<Row> rows, Optional<String> nextHref, String action, String connectorsHref, String analyticsHref) {

    /** Whether a filter is set, so that an empty queue says so rather than that there are no incidents. */
    public boolean filtered() {
        return !search.isEmpty() || !severity.isEmpty() || !status.isEmpty();
    }

    public record Count(String label, long count, String tone) {
    }

    public record Row(long number, String title, String severity, String status, String owner, int alerts, String created, String product) {
    }
}
