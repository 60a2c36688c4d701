package dev.vigil.server.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.kql.Visualization;
import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.ResultTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code {"tables":[{"name":"PrimaryResult","columns":[{"name","type"}],"rows":[[...]]}]}}, plus
 * {@code "render":{"visualization":"timechart",...}} when the query ends in {@code render}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QueryResultJson(List<Table> tables, Map<String, String> render) {

    record Table(String name, List<ColumnJson> columns, List<List<Object>> rows) {
        static Table of(ResultTable table) {
            return new Table(table.name(), table.columns().stream().map(ColumnJson::of).toList(), table.rows());
        }
    }

    static QueryResultJson of(QueryResult result) {
        return new QueryResultJson(result.tables().stream().map(Table::of).toList(),
                result.render().map(QueryResultJson::render).orElse(null));
    }

    private static Map<String, String> render(Visualization visualization) {
        Map<String, String> render = new LinkedHashMap<>();
        render.put("visualization", visualization.kind());
        render.putAll(visualization.properties());
        return render;
    }
}
