package dev.vigil.soc.hunting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A hunting bookmark as of its latest {@code HuntingBookmark} row.
 *
 * @param queryResult the bookmarked row, column name to value, as the query answered it
 */
public record Bookmark(String workspaceId, String id, String displayName, String notes, List<String> labels, String queryText,
                       Map<String, Object> queryResult, Optional<Instant> queryStartTime, Optional<Instant> queryEndTime,
                       Optional<Instant> eventTime, List<Map<String, Object>> entities, String createdBy, Instant created, String updatedBy,
                       Instant updated) {
    public Bookmark {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(notes, "notes");
        labels = List.copyOf(labels);
        Objects.requireNonNull(queryText, "queryText");
        Objects.requireNonNull(queryResult, "queryResult");
        Objects.requireNonNull(queryStartTime, "queryStartTime");
        Objects.requireNonNull(queryEndTime, "queryEndTime");
        Objects.requireNonNull(eventTime, "eventTime");
        entities = List.copyOf(entities);
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(updated, "updated");
    }
}
