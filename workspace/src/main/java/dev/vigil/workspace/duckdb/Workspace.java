package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.workspace.api.FunctionNotFoundException;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.catalog.StandardTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A workspace as loaded: its tenant, the DuckDB schema holding its tables ({@link WorkspaceSchemas}),
 * the tables that have storage (built-in, custom, and standard ones rows were ingested into) and
 * the stored functions (ordered by name). The other standard tables ({@link StandardTables}) are
 * known to every workspace without being listed here. Immutable; adding a table or function
 * makes a new value.
 */
record Workspace(String id, String tenantId, String schema, Map<String, WorkspaceTable> tables,
                 Map<String, StoredFunctionDefinition> functions) {
    Workspace {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        functions = Collections.unmodifiableMap(new TreeMap<>(functions));
    }

    /** The table with this name: one with storage, else a standard table that has none yet. */
    WorkspaceTable table(String name) {
        WorkspaceTable table = tables.get(name);
        if (table == null) {
            table = name == null ? null : StandardTables.named(name).orElse(null);
        }
        if (table == null) {
            throw new TableNotFoundException("workspace '" + id + "' has no table '" + name + "'");
        }
        return table;
    }

    /** The names of every table the workspace knows, standard ones without storage included. */
    Collection<String> tableNames() {
        Set<String> names = new LinkedHashSet<>(tables.keySet());
        StandardTables.all().forEach(t -> names.add(t.name()));
        return names;
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
        return new WorkspaceCatalog(schema, tables, functions);
    }
}
