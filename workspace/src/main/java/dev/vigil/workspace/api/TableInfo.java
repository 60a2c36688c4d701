package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** A table of a workspace as callers see it: its name, kind, who writes it, its columns in order and its row count. */
public record TableInfo(String name, TableKind kind, TableWriter writer, List<ColumnSchema> columns, long rowCount) {
    public TableInfo {
        columns = List.copyOf(columns);
    }
}
