package dev.vigil.server.api.incidents;

import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentComment;
import dev.vigil.soc.incident.Incidents;
import java.time.Instant;

/** An incident comment in the shape of Sentinel's comment resource. */
record CommentJson(String id, String name, Properties properties) {
    record Properties(String message, Instant createdTimeUtc, Author author) {
    }

    record Author(String name, String userPrincipalName) {
    }

    static CommentJson of(Incident incident, IncidentComment comment) {
        return new CommentJson(Incidents.path(incident) + "/comments/" + comment.id(), comment.id(),
                new Properties(comment.message(), comment.createdTime(), new Author(comment.author(), comment.author())));
    }
}
