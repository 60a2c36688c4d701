package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.workspace.api.FunctionNotFoundException;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workspace as loaded: its tenant, the DuckDB schema holding its tables ({@link WorkspaceSchemas}),
 * the tables and the stored functions (ordered by name). Immutable; adding a table or function
 * makes a new value.
 */
record Workspace(String id, String tenantId, String schema, Map<String, WorkspaceTable> tables,
                 Map<String, StoredFunctionDefinition> functions) {
    Workspace {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        functions = Collections.unmodifiableMap(new TreeMap<>(functions));
    }

    WorkspaceTable table(String name) {
        WorkspaceTable table = tables.get(name);
        if (table == null) {
            throw new TableNotFoundException("workspace '" + id + "' has no table '" + name + "'");
        }
        return table;
    }

    StoredFunctionDefinition function(String name) {
        StoredFunctionDefinition function = name == null ? null : functions.get(name);
        if (function == null) {
            throw new FunctionNotFoundException("workspace '" + id + "' has no stored function '" + name + "'");
        }
        return function;
    }

    Workspace with(WorkspaceTable table) {
        Map<String, WorkspaceTable> more = new LinkedHashMap<>(tables);
        more.put(table.name(), table);
        return new Workspace(id, tenantId, schema, more, functions);
    }

    /** This workspace with the function added, or replacing the one of the same name. */
    Workspace with(StoredFunctionDefinition function) {
        Map<String, StoredFunctionDefinition> more = new TreeMap<>(functions);
        more.put(function.name(), function);
        return new Workspace(id, tenantId, schema, tables, more);
    }

    Workspace withoutFunction(String name) {
        Map<String, StoredFunctionDefinition> fewer = new TreeMap<>(functions);
        fewer.remove(name);
        return new Workspace(id, tenantId, schema, tables, fewer);
    }

    /** This workspace with its tables in another schema. */
    Workspace inSchema(String other) {
        return new Workspace(id, tenantId, other, tables, functions);
    }

    /** The tables and stored functions as the KQL compiler sees them. */
    Catalog catalog() {
        List<TableSchema> schemas = new ArrayList<>();
        for (WorkspaceTable table : tables.values()) {
            schemas.add(new TableSchema(table.name(), List.of(schema(), table.name()), table.columns()));
        }
        return Catalog.of(schemas, functions.values().stream().map(StoredFunctionDefinition::toStoredFunction).toList());
    }
}
