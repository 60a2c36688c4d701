package dev.vigil.workspace.catalog;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A table of a workspace as the store knows it: name, kind, who writes it, and columns in table order. */
public record WorkspaceTable(String name, TableKind kind, TableWriter writer, List<ColumnSchema> columns) {
    public WorkspaceTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(writer, "writer");
        columns = List.copyOf(columns);
    }

    public Optional<ColumnSchema> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
