package dev.vigil.soc.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * A step an analyst is to take on an incident (Sentinel's incident tasks), added by hand or by an
 * automation rule.
 *
 * @param id a GUID, stable for the incident's n-th task
 * @param createdBy who added it: a Vigil user name or the automation rule's name
 */
public record IncidentTask(String id, String title, String description, IncidentTaskStatus status, Instant createdTime, String createdBy) {
    static final int MAX_TITLE_LENGTH = 150;
    static final int MAX_DESCRIPTION_LENGTH = 3_000;

    public IncidentTask {
        Objects.requireNonNull(id, "id");
        title = checkedTitle(title);
        description = checkedDescription(description);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdTime, "createdTime");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** The title a task must have: 1 to 150 characters, as Sentinel allows. */
    public static String checkedTitle(String title) {
        String text = Objects.requireNonNullElse(title, "").strip();
        if (text.isEmpty()) {
            throw new InvalidIncidentException("a task needs a non-empty 'title'");
        }
        if (text.length() > MAX_TITLE_LENGTH) {
            throw new InvalidIncidentException("a task's 'title' is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        return text;
    }

    public static String checkedDescription(String description) {
        String text = Objects.requireNonNullElse(description, "").strip();
        if (text.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidIncidentException("a task's 'description' is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return text;
    }
}
