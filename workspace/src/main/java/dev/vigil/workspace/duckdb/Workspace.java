package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace as loaded: its tenant, the DuckDB schema holding its tables, and the tables.
 * Immutable; adding a table makes a new value.
 */
record Workspace(String id, String tenantId, Map<String, WorkspaceTable> tables) {
    Workspace {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** The DuckDB schema of this workspace's log tables. */
    String schema() {
        return schemaOf(id);
    }

    static String schemaOf(String workspaceId) {
        return "ws_" + workspaceId;
    }

    WorkspaceTable table(String name) {
        WorkspaceTable table = tables.get(name);
        if (table == null) {
            throw new TableNotFoundException("workspace '" + id + "' has no table '" + name + "'");
        }
        return table;
    }

    Workspace with(WorkspaceTable table) {
        Map<String, WorkspaceTable> more = new LinkedHashMap<>(tables);
        more.put(table.name(), table);
        return new Workspace(id, tenantId, more);
    }

    /** The tables as the KQL compiler sees them. */
    Catalog catalog() {
        List<TableSchema> schemas = new ArrayList<>();
        for (WorkspaceTable table : tables.values()) {
            schemas.add(new TableSchema(table.name(), List.of(schema(), table.name()), table.columns()));
        }
        return Catalog.of(schemas);
    }
}
