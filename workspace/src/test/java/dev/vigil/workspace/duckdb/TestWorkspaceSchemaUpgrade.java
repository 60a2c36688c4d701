package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.CustomTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data directories from before workspace schemas were recorded: each workspace used {@code ws_<id>}
 * as written, and ids differing only in case shared one schema. The tests make such a directory by
 * undoing what the current version records, then open it.
 */
class TestWorkspaceSchemaUpgrade {
    private static final List<ColumnSchema> TWO_STRINGS = List.of(new ColumnSchema("id", KqlType.STRING),
            new ColumnSchema("storage_schema", KqlType.STRING));

    @TempDir
    Path data;

    @Test
    void workspacesOfAnOlderDataDirectoryKeepTheirSchemaAndRows() throws Exception {
        try (DuckDbStorage storage = open()) {
            storage.logStore().createWorkspace("default");
            storage.logStore().ingest("default", "SecurityAlert", List.of(Map.of("AlertName", "in default"))).get(10, TimeUnit.SECONDS);
        }
        // the older version named the schema with the id as written
        asOlderVersion(statement -> {
            statement.execute("INSERT INTO " + ControlSchema.WORKSPACES + " (id, tenant_id, created_at)"
                    + " VALUES ('Plant7', '" + UUID.randomUUID() + "', now()::TIMESTAMP)");
            statement.execute(TableDdl.createSchema("ws_Plant7"));
            statement.execute(TableDdl.createTable("ws_Plant7", BuiltInTables.SECURITY_ALERT));
            statement.execute("INSERT INTO \"ws_Plant7\".\"SecurityAlert\" (\"AlertName\") VALUES ('before')");
        });

        try (DuckDbStorage storage = open()) {
            assertThat(storage.sql("SELECT id, storage_schema FROM " + ControlSchema.WORKSPACES + " ORDER BY id", TWO_STRINGS))
                    .containsExactly(List.of("Plant7", "ws_Plant7"), List.of("default", "ws_default"));
            storage.logStore().ingest("Plant7", "SecurityAlert", List.of(Map.of("AlertName", "after"))).get(10, TimeUnit.SECONDS);
            assertThat(alertNames(storage.logStore(), "Plant7")).containsExactlyInAnyOrder("before", "after");
            assertThat(alertNames(storage.logStore(), "default")).containsExactly("in default");
        }
    }

    @Test
    void workspacesThatSharedASchemaAreSplitWithTheirOwnRows() throws Exception {
        try (DuckDbStorage storage = open()) {
            LogStore logs = storage.logStore();
            logs.createWorkspace("ws2");
            logs.createCustomTable("ws2", new TableDefinition("Readings_CL", List.of(
                    new ColumnSchema("DeviceId", KqlType.STRING), new ColumnSchema("Value", KqlType.REAL))));
            logs.ingest("ws2", "SecurityAlert", List.of(Map.of("AlertName", "of ws2"))).get(10, TimeUnit.SECONDS);
            logs.ingest("ws2", "Readings_CL", List.of(Map.of("DeviceId", "ws2-device", "Value", 1.5))).get(10, TimeUnit.SECONDS);
        }
        // What the older version did for POST /api/workspaces {"id":"WS2"}: a second workspace whose
        // tables resolved to the schema of ws2, rows written there with its own tenant.
        String tenant = UUID.randomUUID().toString();
        asOlderVersion(statement -> {
            statement.execute("INSERT INTO " + ControlSchema.WORKSPACES + " (id, tenant_id, created_at)"
                    + " VALUES ('WS2', '" + tenant + "', now()::TIMESTAMP + INTERVAL 1 DAY)");
            statement.execute("INSERT INTO \"ws_WS2\".\"SecurityAlert\" (\"TenantId\", \"TimeGenerated\", \"AlertName\", \"Type\", \"_IngestBatch\")"
                    + " VALUES ('" + tenant.toUpperCase() + "', now(), 'of WS2', 'SecurityAlert', 1)");
            // its own declaration of Readings_CL found ws2's table; a table of its own alone
            declare(statement, "WS2", "Readings_CL", "[{\"name\":\"DeviceId\",\"type\":\"string\"},{\"name\":\"Site\",\"type\":\"string\"}]");
            statement.execute("INSERT INTO \"ws_WS2\".\"Readings_CL\" (\"TenantId\", \"TimeGenerated\", \"Type\", \"DeviceId\", \"_IngestBatch\")"
                    + " VALUES ('" + tenant + "', now(), 'Readings_CL', 'WS2-device', 2)");
            declare(statement, "WS2", "Mine_CL", "[{\"name\":\"Reading\",\"type\":\"long\"}]");
            statement.execute(TableDdl.createTable("ws_WS2", CustomTables.define(new TableDefinition("Mine_CL",
                    List.of(new ColumnSchema("Reading", KqlType.LONG))), List.of())));
            statement.execute("INSERT INTO \"ws_WS2\".\"Mine_CL\" (\"TenantId\", \"TimeGenerated\", \"Type\", \"Reading\", \"_IngestBatch\")"
                    + " VALUES ('" + tenant + "', now(), 'Mine_CL', 42, 2)");
            statement.execute("INSERT INTO " + ControlSchema.INGESTION_BATCHES + " VALUES ('WS2', 2)");
        });

        try (DuckDbStorage storage = open()) {
            LogStore logs = storage.logStore();
            assertThat(storage.sql("SELECT id, storage_schema FROM " + ControlSchema.WORKSPACES + " ORDER BY id", TWO_STRINGS))
                    .containsExactly(List.of("WS2", "ws_ws2~2"), List.of("ws2", "ws_ws2"));
            assertThat(alertNames(logs, "ws2")).containsExactly("of ws2");
            assertThat(alertNames(logs, "WS2")).containsExactly("of WS2");
            assertThat(column(logs, "ws2", "Readings_CL | project DeviceId")).containsExactly("ws2-device");
            assertThat(column(logs, "WS2", "Readings_CL | project DeviceId")).containsExactly("WS2-device");
            assertThat(column(logs, "WS2", "Mine_CL | project Reading")).containsExactly(42L);
            assertThat(logs.tables("ws2")).extracting(TableInfo::name).doesNotContain("Mine_CL");
            assertThat(storage.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'ws_ws2' AND table_name = 'Mine_CL'",
                    List.of(new ColumnSchema("table_name", KqlType.STRING)))).isEmpty();

            logs.ingest("WS2", "Readings_CL", List.of(Map.of("DeviceId", "later", "Site", "north"))).get(10, TimeUnit.SECONDS);
            logs.ingest("ws2", "SecurityAlert", List.of(Map.of("AlertName", "later of ws2"))).get(10, TimeUnit.SECONDS);
            assertThat(column(logs, "WS2", "Readings_CL | where DeviceId == 'later' | project Site")).containsExactly("north");
            assertThat(alertNames(logs, "WS2")).containsExactly("of WS2");
            assertThat(logs.ingestedThrough("WS2")).isEqualTo(3);
        }
        try (DuckDbStorage storage = open()) {
            assertThat(storage.sql("SELECT id, storage_schema FROM " + ControlSchema.WORKSPACES + " ORDER BY id", TWO_STRINGS))
                    .containsExactly(List.of("WS2", "ws_ws2~2"), List.of("ws2", "ws_ws2"));
            assertThat(alertNames(storage.logStore(), "ws2")).containsExactlyInAnyOrder("of ws2", "later of ws2");
        }
    }

    private interface OlderVersion {
        void run(Statement statement) throws SQLException;
    }

    /** Brings the closed data directory back to how an older version left it: no schemas recorded, then {@code changes}. */
    private void asOlderVersion(OlderVersion changes) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + data.resolve(DuckDbStorage.DATABASE_FILE));
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + ControlSchema.WORKSPACES + " DROP COLUMN storage_schema");
            changes.run(statement);
        }
    }

    private static void declare(Statement statement, String workspace, String table, String declaredColumns) throws SQLException {
        String columns = "[{\"name\":\"TenantId\",\"type\":\"string\"},{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},"
                + "{\"name\":\"Type\",\"type\":\"string\"}," + declaredColumns.substring(1);
        try (PreparedStatement insert = statement.getConnection().prepareStatement("INSERT INTO " + ControlSchema.CUSTOM_TABLES
                + " (workspace_id, name, columns, created_at) VALUES (?, ?, ?, now()::TIMESTAMP + INTERVAL 1 DAY)")) {
            insert.setString(1, workspace);
            insert.setString(2, table);
            insert.setString(3, columns);
            insert.executeUpdate();
        }
    }

    private static List<Object> alertNames(LogStore logs, String workspace) {
        return column(logs, workspace, "SecurityAlert | project AlertName");
    }

    private static List<Object> column(LogStore logs, String workspace, String kql) {
        return logs.query(workspace, QueryRequest.of(kql)).primary().rows().stream().map(row -> row.get(0)).toList();
    }

    private DuckDbStorage open() {
        return SmallStorage.open(data);
    }
}
