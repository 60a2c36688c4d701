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
 * A bookmark as the API takes it: {@code {"properties":{"displayName","notes","labels","query",
 * "queryResult":{row},"queryStartTime","queryEndTime","eventTime"}}}. With {@code huntingQueryId}
 * the query's text is taken from the saved hunting query and the row's entities found with its
 * entity mappings.
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
        List<String> labels = new ArrayList<>();
        properties.path("labels").forEach(label -> labels.add(label.asText()));
        return new NewBookmark(properties.path("displayName").asText(""), properties.path("notes").asText(""), labels, text, result,
                Optional.ofNullable(HuntingRoutes.time(properties, "queryStartTime")), Optional.ofNullable(HuntingRoutes.time(properties, "queryEndTime")),
                Optional.ofNullable(HuntingRoutes.time(properties, "eventTime")),
                query.map(q -> BookmarkEntities.of(q.entityMappings(), result)).orElse(List.of()));
    }
}
