package dev.vigil.server.console.incidents;

import dev.vigil.server.console.automation.RunPlaybookForm;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * An incident's page: its summary, alerts, entities, timeline and comments, and the analyst's actions on it.
 *
 * @param etag the version shown, which every change names so that one made meanwhile by someone else is not overwritten
 * @param permit whether the user may change incidents (Responder), and if not why
 * @param notice what the last action did, or why it could not
 * @param action where the page's forms post
 */
public record IncidentDetailPage(Shell shell, String queueHref, Summary summary, String etag, List<Alert> alerts, List<IncidentEntities.Row> entities,
        List<IncidentTimeline.Entry> timeline, List<Comment> comments, Permit permit, Optional<Notice> notice, String action, List<String> severities,
        List<String> openStatuses, List<ClosureChoice> closures, RunPlaybookForm playbooks) {

    /**
     * @param closure the classification, reason and comment of a closed incident, else empty
     * @param rules the analytics rules that made the incident, linked to their pages
     */
    public record Summary(long number, String title, String description, String severity, String status, String owner, boolean assigned,
            String created, String lastModified, String modifiedBy, String lastActivity, String products, List<RuleLink> rules, String closure) {
        public boolean closed() {
            return !closure.isEmpty();
        }
    }

    public record RuleLink(String name, String href) {
    }

    public record Alert(String name, String severity, String status, String product, String start, String tactics) {
    }

    public record Comment(String author, String time, String message) {
    }

    /** @param tone {@code success}, {@code error}, or {@code conflict} when someone else changed the incident meanwhile */
    public record Notice(String tone, String text) {
    }
}
