package dev.vigil.server.console.incidents;

import dev.vigil.server.console.ConsolePageException;
import dev.vigil.soc.incident.Closure;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.IncidentUpdate;
import dev.vigil.soc.incident.Incidents;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * A change an analyst makes to an incident from the console, on its page or to the rows selected in the queue;
 * applied through {@link Incidents} as the API applies it, naming who made it.
 */
sealed interface TriageAction {

    /** Applies the change; {@code etag}, when present, names the version the analyst saw (else any). */
    Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who);

    /** What was done, for the outcome message: {@code assigned to alice}. */
    String done();

    record Assign(IncidentOwner owner) implements TriageAction {
        @Override
        public Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who) {
            return incidents.update(workspace, incident, IncidentUpdate.none().withOwner(owner), etag, who);
        }

        @Override
        public String done() {
            return owner.isAssigned() ? "assigned to " + owner.assignedTo() : "unassigned";
        }
    }

    record SetStatus(IncidentStatus status) implements TriageAction {
        @Override
        public Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who) {
            return incidents.update(workspace, incident, IncidentUpdate.none().withStatus(status), etag, who);
        }

        @Override
        public String done() {
            return "status set to " + status.sentinelName();
        }
    }

    record SetSeverity(IncidentSeverity severity) implements TriageAction {
        @Override
        public Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who) {
            return incidents.update(workspace, incident, IncidentUpdate.none().withSeverity(severity), etag, who);
        }

        @Override
        public String done() {
            return "severity set to " + severity.sentinelName();
        }
    }

    record Close(Closure closure) implements TriageAction {
        @Override
        public Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who) {
            return incidents.close(workspace, incident, closure, etag, who);
        }

        @Override
        public String done() {
            return "closed as " + closure.classification().sentinelName() + closure.reason().map(r -> " (" + r.sentinelName() + ")").orElse("");
        }
    }

    record Reopen() implements TriageAction {
        @Override
        public Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who) {
            return incidents.reopen(workspace, incident, etag, who);
        }

        @Override
        public String done() {
            return "reopened";
        }
    }

    /** Comments are added whatever the version: they change no property another analyst could have changed. */
    record Comment(String message) implements TriageAction {
        @Override
        public Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who) {
            return incidents.addComment(workspace, incident, message, who);
        }

        @Override
        public String done() {
            return "commented";
        }
    }

    /**
     * The action a form names in {@code action} with its fields: {@code assign} ({@code owner}: a user name, {@code me}
     * or empty to unassign), {@code status}, {@code severity}, {@code close} ({@code closure}, {@code closureComment}),
     * {@code reopen}, {@code comment} ({@code message}).
     */
    static TriageAction fromForm(Context ctx, String signedInUser) {
        String action = field(ctx, "action");
        return switch (action) {
            case "assign" -> new Assign(owner(field(ctx, "owner"), signedInUser));
            case "status" -> new SetStatus(IncidentStatus.named(field(ctx, "status")));
            case "severity" -> new SetSeverity(IncidentSeverity.named(field(ctx, "severity")));
            case "close" -> new Close(ClosureChoice.closure(field(ctx, "closure"), field(ctx, "closureComment")));
            case "reopen" -> new Reopen();
            case "comment" -> new Comment(field(ctx, "message"));
            default -> throw new ConsolePageException(400, "Unknown action",
                    "'" + action + "' is not an incident action: assign, status, severity, close, reopen or comment.");
        };
    }

    private static IncidentOwner owner(String owner, String signedInUser) {
        if (owner.isEmpty()) {
            return IncidentOwner.UNASSIGNED;
        }
        return IncidentOwner.user(owner.equals(QueueFilters.ME) ? signedInUser : owner);
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }
}
