package dev.vigil.soc.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * A note an analyst or an automation left on an incident.
 *
 * @param id a GUID, stable for the incident's n-th comment
 * @param author who wrote it: a Vigil user name or the name of the automation
 */
public record IncidentComment(String id, String message, String author, Instant createdTime) {
    static final int MAX_LENGTH = 30_000;

    public IncidentComment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdTime, "createdTime");
        message = Objects.requireNonNullElse(message, "").strip();
        if (message.isEmpty()) {
            throw new InvalidIncidentException("a comment needs a non-empty 'message'");
        }
        if (message.length() > MAX_LENGTH) {
            throw new InvalidIncidentException("a comment's 'message' is longer than " + MAX_LENGTH + " characters");
        }
    }
}
