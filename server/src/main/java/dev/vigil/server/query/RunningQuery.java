package dev.vigil.server.query;

import dev.vigil.server.identity.Principal;
import dev.vigil.workspace.api.QueryCancellation;
import java.time.Instant;
import java.util.Objects;

/**
 * An interactive query from admission until it finishes.
 *
 * @param id the caller's {@code x-ms-client-request-id} or one Vigil made; returned as {@code x-ms-request-id}
 * @param started when the request arrived, before it waited for a place
 */
public record RunningQuery(String id, String workspace, Principal caller, String query, Instant started, QueryCancellation cancellation) {
    public RunningQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(cancellation, "cancellation");
    }
}
