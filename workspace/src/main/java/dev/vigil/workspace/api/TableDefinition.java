package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** A custom table as declared by its creator; {@code TimeGenerated}, {@code TenantId} and {@code Type} are added. */
public record TableDefinition(String name, List<ColumnSchema> columns) {
    public TableDefinition {
        columns = List.copyOf(columns);
    }
}
