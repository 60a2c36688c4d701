package dev.vigil.soc.hunting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A hunting bookmark as of its latest {@code HuntingBookmark} row.
 *
 * @param tactics the MITRE ATT&CK tactics it shows ({@code Discovery}), as Sentinel's bookmarks name them
 * @param techniques the techniques ({@code T1046})
 * @param queryResult the bookmarked row, column name to value, as the query answered it
 */
public record Bookmark(String workspaceId, String id, String displayName, String notes, List<String> labels, List<String> tactics,
                       List<String> techniques, String queryText,
                       Map<String, Object> queryResult, Optional<Instant> queryStartTime, Optional<Instant> queryEndTime,
                       Optional<Instant> eventTime, List<Map<String, Object>> entities, String createdBy, Instant created, String updatedBy,
                       Instant updated) {
    public Bookmark {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(notes, "notes");
        labels = List.copyOf(labels);
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
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
