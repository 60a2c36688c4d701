package dev.vigil.workspace.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.FunctionNotFoundException;
import dev.vigil.workspace.api.InvalidWorkspaceIdException;
import dev.vigil.workspace.api.SavedFunction;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableDefinitionException;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import dev.vigil.workspace.api.WorkspaceConflictException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.CustomTables;
import dev.vigil.workspace.catalog.StandardTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import dev.vigil.workspace.functions.FunctionCheck;
import dev.vigil.workspace.functions.FunctionNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The workspaces, their tables and stored functions: kept in the {@code vigil} schema so that they survive
 * restarts, and in memory for every request. Changes go through one connection, one at a time.
 */
final class Workspaces {
    /** ASCII only: no Unicode case folding or normalisation can then make two ids, or their schemas, meet. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final TypeReference<List<Map<String, String>>> COLUMNS = new TypeReference<>() {
    };

    private final Connection connection;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Workspace> byId = new ConcurrentHashMap<>();

    private Workspaces(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Loads every workspace, custom table and stored function recorded in the database. */
    static Workspaces load(Connection connection, Clock clock) throws SQLException {
        Workspaces workspaces = new Workspaces(connection, clock);
        workspaces.loadAll();
        return workspaces;
    }

    private void loadAll() throws SQLException {
        Map<String, Workspace> loaded = new LinkedHashMap<>();
        Set<String> unrecorded = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            // oldest first: of workspaces that shared a schema, the oldest keeps it
            try (ResultSet rows = statement.executeQuery("SELECT id, CAST(tenant_id AS VARCHAR), storage_schema FROM "
                    + ControlSchema.WORKSPACES + " ORDER BY created_at, id")) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    String schema = rows.getString(3);
                    if (schema == null) {
                        unrecorded.add(id);
                        schema = WorkspaceSchemas.unrecorded(id);
                    }
                    loaded.put(id, new Workspace(id, rows.getString(2), schema, builtInTables(), Map.of()));
                }
            }
            // a data directory from an older version may lack a built-in table added since
            for (Workspace workspace : loaded.values()) {
                for (WorkspaceTable table : BuiltInTables.ALL) {
                    statement.execute(TableDdl.createTable(workspace.schema(), table));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT workspace_id, name, CAST(columns AS VARCHAR) FROM "
                    + ControlSchema.CUSTOM_TABLES + " ORDER BY created_at, name")) {
                while (rows.next()) {
                    Workspace workspace = loaded.get(rows.getString(1));
                    if (workspace != null) {
                        WorkspaceTable table = new WorkspaceTable(rows.getString(2), TableKind.CUSTOM, TableWriter.CLIENTS,
                                readColumns(rows.getString(3)));
                        loaded.put(workspace.id(), workspace.with(table));
                    }
                }
            }
            addStoredStandardTables(statement, loaded);
            addHiddenColumns(statement, loaded.values());
            try (ResultSet rows = statement.executeQuery("SELECT workspace_id, name, parameters, body, category, display_name FROM "
                    + ControlSchema.FUNCTIONS + " ORDER BY workspace_id, name")) {
                while (rows.next()) {
                    Workspace workspace = loaded.get(rows.getString(1));
                    if (workspace != null) {
                        StoredFunctionDefinition function = new StoredFunctionDefinition(rows.getString(2), rows.getString(3),
                                rows.getString(4), Optional.ofNullable(rows.getString(5)), Optional.ofNullable(rows.getString(6)));
                        loaded.put(workspace.id(), workspace.with(function));
                    }
                }
            }
        }
        TickDatetimeUpgrade.upgrade(connection, loaded.values().stream().map(Workspace::schema).distinct().toList());
        Map<String, Workspace> recorded = new LinkedHashMap<>(loaded);
        if (!unrecorded.isEmpty()) {
            inTransaction(() -> recorded.putAll(WorkspaceSchemas.recordUnrecorded(connection, loaded, unrecorded)));
        }
        WorkspaceSchemas.requireDistinct(recorded.values());
        byId.putAll(recorded);
    }

    /** The standard tables that rows were ingested into before: those with a relation in the workspace's schema. */
    private static void addStoredStandardTables(Statement statement, Map<String, Workspace> loaded) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT schema_name, table_name FROM duckdb_tables()")) {
            while (rows.next()) {
                String schema = rows.getString(1);
                Optional<WorkspaceTable> standard = StandardTables.named(rows.getString(2));
                if (standard.isEmpty()) {
                    continue;
                }
                for (Workspace workspace : List.copyOf(loaded.values())) {
                    if (workspace.schema().equals(schema)) {
                        loaded.put(workspace.id(), workspace.with(standard.get()));
                    }
                }
            }
        }
    }

    /**
     * A table made before a hidden column was kept gets it. One catalog query finds the tables that have
     * them, so that a start alters only the tables that lack one, not every table of every workspace.
     */
    private static void addHiddenColumns(Statement statement, Collection<Workspace> loaded) throws SQLException {
        Set<String> kept = new HashSet<>();
        try (ResultSet rows = statement.executeQuery("SELECT schema_name, table_name, column_name FROM duckdb_columns() WHERE column_name IN ("
                + TableDdl.literal(TableDdl.INGEST_BATCH_COLUMN) + ", " + TableDdl.literal(TableDdl.INGESTION_TIME_COLUMN) + ")")) {
            while (rows.next()) {
                kept.add(hiddenColumnKey(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        // workspaces that share a schema share its tables: each is altered once
        for (Workspace workspace : loaded) {
            String schema = workspace.schema();
            for (WorkspaceTable table : workspace.tables().values()) {
                if (kept.add(hiddenColumnKey(schema, table.name(), TableDdl.INGEST_BATCH_COLUMN))) {
                    statement.execute(TableDdl.addIngestBatchColumn(schema, table));
                }
                if (kept.add(hiddenColumnKey(schema, table.name(), TableDdl.INGESTION_TIME_COLUMN))) {
                    statement.execute(TableDdl.addIngestionTimeColumn(schema, table));
                }
            }
        }
    }

    /** DuckDB's identifiers are case-insensitive, so the catalog's spelling may differ from the table's. */
    private static String hiddenColumnKey(String schema, String table, String column) {
        return (schema + '\u0000' + table + '\u0000' + column).toLowerCase(Locale.ROOT);
    }

    List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }

    Workspace require(String workspaceId) {
        Workspace workspace = workspaceId == null ? null : byId.get(workspaceId);
        if (workspace == null) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
        return workspace;
    }

    synchronized void create(String workspaceId) throws SQLException {
        if (workspaceId == null || !ID.matcher(workspaceId).matches()) {
            throw new InvalidWorkspaceIdException("workspace id '" + workspaceId + "' is not valid: use 1 to 63 ASCII letters,"
                    + " digits, '-' or '_', starting with a letter or digit");
        }
        if (byId.containsKey(workspaceId)) {
            return;
        }
        for (String existing : byId.keySet()) {
            if (existing.equalsIgnoreCase(workspaceId)) {
                throw new WorkspaceConflictException(workspaceId, existing);
            }
        }
        String tenantId = UUID.randomUUID().toString();
        String schema = WorkspaceSchemas.of(workspaceId);
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(TableDdl.createSchema(schema));
                for (WorkspaceTable table : BuiltInTables.ALL) {
                    statement.execute(TableDdl.createTable(schema, table));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + ControlSchema.WORKSPACES + " (id, tenant_id, created_at, storage_schema) VALUES (?, CAST(? AS UUID), ?, ?)")) {
                insert.setString(1, workspaceId);
                insert.setString(2, tenantId);
                insert.setObject(3, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.setString(4, schema);
                insert.executeUpdate();
            }
        });
        byId.put(workspaceId, new Workspace(workspaceId, tenantId, schema, builtInTables(), Map.of()));
    }

    synchronized WorkspaceTable createCustomTable(String workspaceId, TableDefinition definition) throws SQLException {
        Workspace workspace = require(workspaceId);
        WorkspaceTable table = CustomTables.define(definition, workspace.tables().keySet());
        for (String function : workspace.functions().keySet()) {
            if (function.equalsIgnoreCase(table.name())) {
                throw new TableDefinitionException("table name '" + table.name() + "' clashes with the stored function '"
                        + function + "' of this workspace");
            }
        }
        String columns = writeColumns(table.columns());
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(TableDdl.createTable(workspace.schema(), table));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ControlSchema.CUSTOM_TABLES
                    + " (workspace_id, name, columns, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, workspaceId);
                insert.setString(2, table.name());
                insert.setString(3, columns);
                insert.setObject(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
        byId.put(workspaceId, workspace.with(table));
        return table;
    }

    /**
     * The table with this name, with storage: a standard table that has none yet gets its relation
     * now, once, so that the rows about to be ingested have somewhere to go.
     */
    WorkspaceTable withStorage(String workspaceId, String name) throws SQLException {
        WorkspaceTable table = require(workspaceId).table(name);
        if (table.kind() != TableKind.STANDARD) {
            return table;
        }
        synchronized (this) {
            Workspace workspace = require(workspaceId);
            if (workspace.tables().containsKey(table.name())) {
                return table;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(TableDdl.createTable(workspace.schema(), table));
            }
            byId.put(workspaceId, workspace.with(table));
            return table;
        }
    }

    /**
     * Checks the function's name and that it compiles against the workspace as it would be with
     * the function saved, then records it.
     */
    synchronized SavedFunction saveFunction(String workspaceId, StoredFunctionDefinition given) throws SQLException {
        Workspace workspace = require(workspaceId);
        FunctionNames.check(given.name(), workspace.tableNames());
        StoredFunctionDefinition function = new StoredFunctionDefinition(given.name(),
                FunctionCheck.normalizedParameters(given.parameters()), given.body(), given.category(), given.displayName());
        Workspace saved = workspace.with(function);
        FunctionCheck.check(function, given.parameters(), saved.catalog(), clock.instant());
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + ControlSchema.FUNCTIONS
                + " (workspace_id, name, parameters, body, category, display_name, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (workspace_id, name) DO UPDATE SET parameters = excluded.parameters, body = excluded.body,"
                + " category = excluded.category, display_name = excluded.display_name, updated_at = excluded.updated_at")) {
            upsert.setString(1, workspaceId);
            upsert.setString(2, function.name());
            upsert.setString(3, function.parameters());
            upsert.setString(4, function.body());
            upsert.setString(5, function.category().orElse(null));
            upsert.setString(6, function.displayName().orElse(null));
            upsert.setObject(7, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            upsert.executeUpdate();
        }
        byId.put(workspaceId, saved);
        return new SavedFunction(function, !workspace.functions().containsKey(function.name()));
    }

    synchronized void deleteFunction(String workspaceId, String name) throws SQLException {
        Workspace workspace = require(workspaceId);
        workspace.function(name);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + ControlSchema.FUNCTIONS + " WHERE workspace_id = ? AND name = ?")) {
            delete.setString(1, workspaceId);
            delete.setString(2, name);
            if (delete.executeUpdate() == 0) {
                throw new FunctionNotFoundException("workspace '" + workspaceId + "' has no stored function '" + name + "'");
            }
        }
        byId.put(workspaceId, workspace.withoutFunction(name));
    }

    private void inTransaction(SqlTransaction.Work<RuntimeException> work) throws SQLException {
        SqlTransaction.commit(connection, work);
    }

    private static Map<String, WorkspaceTable> builtInTables() {
        Map<String, WorkspaceTable> tables = new LinkedHashMap<>();
        BuiltInTables.ALL.forEach(t -> tables.put(t.name(), t));
        return tables;
    }

    private String writeColumns(List<ColumnSchema> columns) {
        List<Map<String, String>> plain = columns.stream()
                .map(c -> Map.of("name", c.name(), "type", c.type().kqlName()))
                .toList();
        try {
            return json.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("column list cannot be written as JSON", e);
        }
    }

    private List<ColumnSchema> readColumns(String text) {
        try {
            List<ColumnSchema> columns = new ArrayList<>();
            for (Map<String, String> column : json.readValue(text, COLUMNS)) {
                KqlType type = KqlType.fromName(column.get("type")).orElseThrow(
                        () -> new IllegalStateException("stored column has unknown type " + column.get("type")));
                columns.add(new ColumnSchema(column.get("name"), type));
            }
            return columns;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored column list is not valid JSON: " + text, e);
        }
    }
}
