package dev.vigil.server.api.hunting;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.soc.hunting.BookmarkEntities;
import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.hunting.HuntingQuery;
import dev.vigil.soc.hunting.NewBookmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bookmark as the API takes it: {@code {"properties":{"displayName","notes","labels","tactics",
 * "techniques","query","queryResult":{row},"queryStartTime","queryEndTime","eventTime"}}}. With
 * {@code huntingQueryId} the query's text is taken from the saved hunting query, the row's entities
 * found with its entity mappings, and its tactics and techniques are the bookmark's unless given.
 */
final class BookmarkRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BookmarkRequest() {
    }

    static NewBookmark read(JsonNode body, String workspace, HuntingQueries queries) {
        JsonNode properties = body == null ? null : body.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new InvalidRequestException("A bookmark needs {\"properties\":{\"displayName\",\"queryResult\":{...},...}}.");
        }
        Optional<HuntingQuery> query = Optional.ofNullable(properties.get("huntingQueryId")).filter(JsonNode::isValueNode)
                .map(id -> queries.get(workspace, id.asText()));
        JsonNode row = properties.get("queryResult");
        if (row == null || !row.isObject()) {
            throw new InvalidRequestException("properties.queryResult must be the bookmarked row, an object of column names and values");
        }
        Map<String, Object> result = JSON.convertValue(row, new TypeReference<Map<String, Object>>() { });
        String text = query.map(HuntingQuery::query).orElseGet(() -> properties.path("query").asText(""));
        List<String> labels = strings(properties, "labels").orElse(List.of());
        // as in Sentinel, a bookmark of a hunting query's row takes the query's tactics and techniques unless it names its own
        List<String> tactics = strings(properties, "tactics").orElseGet(() -> query.map(HuntingQuery::tactics).orElse(List.of()));
        List<String> techniques = strings(properties, "techniques").orElseGet(() -> query.map(HuntingQuery::techniques).orElse(List.of()));
        return new NewBookmark(properties.path("displayName").asText(""), properties.path("notes").asText(""), labels, tactics, techniques, text,
                result,
                Optional.ofNullable(HuntingRoutes.time(properties, "queryStartTime")), Optional.ofNullable(HuntingRoutes.time(properties, "queryEndTime")),
                Optional.ofNullable(HuntingRoutes.time(properties, "eventTime")),
                query.map(q -> BookmarkEntities.of(q.entityMappings(), result)).orElse(List.of()));
    }

    /** A member that is a list of strings, if given; anything else is refused naming it. */
    static Optional<List<String>> strings(JsonNode properties, String member) {
        JsonNode values = properties.get(member);
        if (values == null || values.isNull()) {
            return Optional.empty();
        }
        if (!values.isArray()) {
            throw new InvalidRequestException("properties." + member + " must be a list of strings");
        }
        List<String> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isTextual()) {
                throw new InvalidRequestException("properties." + member + "[" + i + "] must be a string; was " + values.get(i));
            }
            read.add(values.get(i).asText());
        }
        return Optional.of(read);
    }
}
