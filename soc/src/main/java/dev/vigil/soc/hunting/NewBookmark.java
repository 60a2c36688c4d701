package dev.vigil.soc.hunting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bookmark to make: a row of a hunting query's results worth keeping, with the analyst's notes.
 *
 * @param tactics the MITRE ATT&CK tactics the row shows; a hunting query's own when it is bookmarked from one
 * @param queryResult the bookmarked row, column name to value
 * @param entities the entities the row names, as Sentinel writes them ({@code {"Type":"host","HostName":"web-1"}})
 * @param eventTime when what the row records happened, if the row says
 */
public record NewBookmark(String displayName, String notes, List<String> labels, List<String> tactics, List<String> techniques, String queryText,
                          Map<String, Object> queryResult,
                          Optional<Instant> queryStartTime, Optional<Instant> queryEndTime, Optional<Instant> eventTime,
                          List<Map<String, Object>> entities) {
    public NewBookmark {
        displayName = BookmarkFields.displayName(displayName);
        notes = Objects.requireNonNullElse(notes, "");
        labels = BookmarkFields.labels(labels);
        tactics = BookmarkFields.tactics(tactics);
        techniques = BookmarkFields.techniques(techniques);
        Objects.requireNonNull(queryText, "queryText");
        queryResult = Map.copyOf(queryResult);
        Objects.requireNonNull(queryStartTime, "queryStartTime");
        Objects.requireNonNull(queryEndTime, "queryEndTime");
        Objects.requireNonNull(eventTime, "eventTime");
        entities = List.copyOf(entities);
    }
}
