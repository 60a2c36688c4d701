package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/**
 * Rows of the left and right inputs matched on equal keys. With {@code innerunique} the left
 * input keeps one row per key first, as Kusto does.
 */
public record Join(LogicalOperator left, LogicalOperator right, JoinKind kind, List<JoinKey> keys, List<JoinColumn> columns)
        implements LogicalOperator {
    public Join {
        keys = List.copyOf(keys);
        columns = List.copyOf(columns);
    }

    @Override
    public List<ColumnSchema> schema() {
        return columns.stream().map(JoinColumn::schema).toList();
    }
}
