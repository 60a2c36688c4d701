package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

public record TableInfo(String name, TableKind kind, List<ColumnSchema> columns, long rowCount) {
    public TableInfo {
        columns = List.copyOf(columns);
    }
}
