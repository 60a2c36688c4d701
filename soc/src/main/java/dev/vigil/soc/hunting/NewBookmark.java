package dev.vigil.soc.hunting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bookmark to make: a row of a hunting query's results worth keeping, with the analyst's notes.
 *
 * @param queryResult the bookmarked row, column name to value
 * @param entities the entities the row names, as Sentinel writes them ({@code {"Type":"host","HostName":"web-1"}})
 * @param eventTime when what the row records happened, if the row says
 */
public record NewBookmark(String displayName, String notes, List<String> labels, String queryText, Map<String, Object> queryResult,
                          Optional<Instant> queryStartTime, Optional<Instant> queryEndTime, Optional<Instant> eventTime,
                          List<Map<String, Object>> entities) {
    static final int MAX_NAME_LENGTH = 256;

    public NewBookmark {
        displayName = Objects.requireNonNullElse(displayName, "").strip();
        if (displayName.isEmpty() || displayName.length() > MAX_NAME_LENGTH) {
            throw new InvalidHuntingRequestException("displayName: a bookmark needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        notes = Objects.requireNonNullElse(notes, "");
        labels = List.copyOf(labels);
        Objects.requireNonNull(queryText, "queryText");
        queryResult = Map.copyOf(queryResult);
        Objects.requireNonNull(queryStartTime, "queryStartTime");
        Objects.requireNonNull(queryEndTime, "queryEndTime");
        Objects.requireNonNull(eventTime, "eventTime");
        entities = List.copyOf(entities);
    }
}
