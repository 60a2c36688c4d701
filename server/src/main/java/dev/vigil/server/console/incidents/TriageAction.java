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

    /** A change of the incident's properties: owner, status, severity, or closing with a classification. */
    record Update(IncidentUpdate update, String done) implements TriageAction {
        @Override
        public Incident apply(Incidents incidents, String workspace, String incident, Optional<String> etag, String who) {
            return incidents.update(workspace, incident, update, etag, who);
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
            case "assign" -> assign(field(ctx, "owner"), signedInUser);
            case "status" -> {
                IncidentStatus status = IncidentStatus.named(field(ctx, "status"));
                yield new Update(IncidentUpdate.none().withStatus(status), "status set to " + status.sentinelName());
            }
            case "severity" -> {
                IncidentSeverity severity = IncidentSeverity.named(field(ctx, "severity"));
                yield new Update(IncidentUpdate.none().withSeverity(severity), "severity set to " + severity.sentinelName());
            }
            case "close" -> {
                Closure closure = ClosureChoice.closure(field(ctx, "closure"), field(ctx, "closureComment"));
                yield new Update(IncidentUpdate.close(closure), "closed as " + closure.classification().sentinelName()
                        + closure.reason().map(r -> " (" + r.sentinelName() + ")").orElse(""));
            }
            case "reopen" -> new Reopen();
            case "comment" -> new Comment(field(ctx, "message"));
            default -> throw new ConsolePageException(400, "Unknown action",
                    "'" + action + "' is not an incident action: assign, status, severity, close, reopen or comment.");
        };
    }

    private static TriageAction assign(String owner, String signedInUser) {
        if (owner.isEmpty()) {
            return new Update(IncidentUpdate.none().withOwner(IncidentOwner.UNASSIGNED), "unassigned");
        }
        String user = owner.equals(QueueFilters.ME) ? signedInUser : owner;
        return new Update(IncidentUpdate.none().withOwner(IncidentOwner.user(user)), "assigned to " + user);
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }
}
