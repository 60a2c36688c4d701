package dev.vigil.server.api.hunting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.server.api.ColumnJson;
import dev.vigil.soc.hunting.Bookmark;
import dev.vigil.soc.hunting.HuntingQuery;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.ResultTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hunting queries, their results and bookmarks as the API writes them, in the shape of Sentinel's resources. */
final class HuntingJson {
    private HuntingJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueryJson(String id, String name, String type, QueryProperties properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueryProperties(String displayName, String description, String query, List<String> tactics, List<String> techniques,
                           List<ConnectorJson> requiredDataConnectors, List<EntityMapping> entityMappings, String version) {
    }

    record ConnectorJson(String connectorId, List<String> dataTypes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookmarkJson(String id, String name, String type, BookmarkProperties properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookmarkProperties(String displayName, String notes, List<String> labels, List<String> tactics, List<String> techniques, String query,
                              Map<String, Object> queryResult,
                              Instant queryStartTime, Instant queryEndTime, Instant eventTime, List<Map<String, Object>> entities, String createdBy,
                              Instant created, String updatedBy, Instant updated, IncidentInfo incidentInfo) {
    }

    record IncidentInfo(String incidentId, Long incidentNumber, String title, String severity, String relationName) {
    }

    static QueryJson query(String workspace, HuntingQuery query) {
        return new QueryJson("/api/workspaces/" + workspace + "/huntingQueries/" + query.id(), query.id(), "Microsoft.SecurityInsights/huntingQueries",
                new QueryProperties(query.displayName(), query.description(), query.query(), query.tactics(), query.techniques(),
                        query.requiredDataConnectors().stream().map(c -> new ConnectorJson(c.connectorId(), c.dataTypes())).toList(),
                        query.entityMappings(), query.version().orElse(null)));
    }

    static BookmarkJson bookmark(Bookmark bookmark, Optional<Incident> incident) {
        return new BookmarkJson("/api/workspaces/" + bookmark.workspaceId() + "/bookmarks/" + bookmark.id(), bookmark.id(),
                "Microsoft.SecurityInsights/Bookmarks",
                new BookmarkProperties(bookmark.displayName(), bookmark.notes(), bookmark.labels(), bookmark.tactics(), bookmark.techniques(),
                        bookmark.queryText(), bookmark.queryResult(),
                        bookmark.queryStartTime().orElse(null), bookmark.queryEndTime().orElse(null), bookmark.eventTime().orElse(null),
                        bookmark.entities(), bookmark.createdBy(), bookmark.created(), bookmark.updatedBy(), bookmark.updated(),
                        incident.map(i -> new IncidentInfo(i.name(), i.number(), i.title(), i.severity().sentinelName(), Incidents.path(i))).orElse(null)));
    }

    /** A run's result in the query API's shape, with the window it ran over. */
    static Map<String, Object> result(QueryResult result, Instant start, Instant end) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("queryStartTime", start.toString());
        json.put("queryEndTime", end.toString());
        json.put("tables", result.tables().stream().map(HuntingJson::table).toList());
        result.truncation().ifPresent(truncation -> json.put("truncated", true));
        return json;
    }

    private static Map<String, Object> table(ResultTable table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", table.name());
        json.put("columns", table.columns().stream().map(ColumnJson::of).toList());
        json.put("rows", table.rows());
        return json;
    }
}
