package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.StoredFunction;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.catalog.StandardTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's tables and stored functions as the KQL compiler sees them. Lookups go by name
 * through maps, so that a workspace that knows every standard table compiles as fast as one that
 * knows a few: a table with storage reads from its relation, a standard table without storage
 * is an empty relation of its columns.
 */
final class WorkspaceCatalog implements Catalog {
    private final String schema;
    private final Map<String, WorkspaceTable> stored;
    private final Map<String, StoredFunctionDefinition> functions;

    WorkspaceCatalog(String schema, Map<String, WorkspaceTable> stored, Map<String, StoredFunctionDefinition> functions) {
        this.schema = schema;
        this.stored = stored;
        this.functions = functions;
    }

    @Override
    public Optional<TableSchema> table(String name) {
        WorkspaceTable table = stored.get(name);
        if (table != null) {
            return Optional.of(withStorage(table));
        }
        return StandardTables.named(name).map(standard -> TableSchema.withoutStorage(standard.name(), standard.columns()));
    }

    @Override
    public List<TableSchema> tables() {
        return stored.values().stream().map(this::withStorage).toList();
    }

    @Override
    public Optional<StoredFunction> function(String name) {
        return Optional.ofNullable(functions.get(name)).map(StoredFunctionDefinition::toStoredFunction);
    }

    private TableSchema withStorage(WorkspaceTable table) {
        return new TableSchema(table.name(), List.of(schema, table.name()), table.columns());
    }
}
