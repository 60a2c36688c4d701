package dev.vigil.server.api.query;

import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.ResultTable;
import java.util.List;

/** {@code {"tables":[{"name":"PrimaryResult","columns":[{"name","type"}],"rows":[[...]]}]}}. */
record QueryResultJson(List<Table> tables) {

    record Table(String name, List<ColumnJson> columns, List<List<Object>> rows) {
        static Table of(ResultTable table) {
            return new Table(table.name(), table.columns().stream().map(ColumnJson::of).toList(), table.rows());
        }
    }

    static QueryResultJson of(QueryResult result) {
        return new QueryResultJson(result.tables().stream().map(Table::of).toList());
    }
}
