package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.GraphToTable;
import dev.vigil.kql.plan.LogicalOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code graph-to-table}: the graph's node or edge table, with the node hashes asked for first. */
final class GraphToTableSql {
    private GraphToTableSql() {
    }

    static String select(GraphToTable table, Function<LogicalOperator, String> stages) {
        List<String> columns = new ArrayList<>();
        table.nodeHash().ifPresent(n -> columns.add(GraphSql.hash("__id") + " AS " + SqlIdentifiers.quote(n)));
        table.sourceHash().ifPresent(n -> columns.add(GraphSql.hash("__src") + " AS " + SqlIdentifiers.quote(n)));
        table.targetHash().ifPresent(n -> columns.add(GraphSql.hash("__dst") + " AS " + SqlIdentifiers.quote(n)));
        int hashes = columns.size();
        for (ColumnSchema column : table.schema().subList(hashes, table.schema().size())) {
            columns.add(SqlIdentifiers.quote(column.name()));
        }
        return "SELECT * FROM (WITH RECURSIVE " + GraphSql.definitions(table.graph(), stages) + " SELECT " + String.join(", ", columns)
                + " FROM " + (table.nodes() ? GraphSql.NODES : GraphSql.EDGES) + ")";
    }
}
