package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.TableDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data directories from before datetimes held ticks: their log tables have microsecond TIMESTAMP
 * columns. The tests make such a directory as that layout wrote it (the columns as TIMESTAMP,
 * rows with microsecond values, one of them outside what a TIMESTAMP_NS holds), then open it.
 */
class TestTickDatetimeUpgrade {
    private static final List<ColumnSchema> TYPE = List.of(new ColumnSchema("data_type", KqlType.STRING));

    @TempDir
    Path data;

    @Test
    void testMicrosecondColumnsBecomeTicksAndKeepEveryRow() throws Exception {
        try (DuckDbStorage storage = SmallStorage.open(data)) {
            LogStore logs = storage.logStore();
            logs.createWorkspace("plant");
            logs.createCustomTable("plant", new TableDefinition("Readings_CL", List.of(
                    new ColumnSchema("DeviceId", KqlType.STRING), new ColumnSchema("ReadAt", KqlType.DATETIME))));
            logs.ingest("plant", "Readings_CL", List.of(
                    Map.of("TimeGenerated", "2024-03-10T10:00:00.123456Z", "DeviceId", "d1", "ReadAt", "2024-03-10T09:59:00.5Z"),
                    Map.of("TimeGenerated", "2024-03-10T11:00:00Z", "DeviceId", "d2", "ReadAt", "2024-03-10T10:59:00Z")))
                    .get(10, TimeUnit.SECONDS);
        }
        asMicrosecondLayout("ws_plant", "Readings_CL", statement -> statement.execute(
                "INSERT INTO \"ws_plant\".\"Readings_CL\" (\"TenantId\", \"TimeGenerated\", \"Type\", \"DeviceId\", \"ReadAt\", \"_IngestBatch\")"
                        + " VALUES ('t', TIMESTAMP '1500-01-01 00:00:00', 'Readings_CL', 'ancient', TIMESTAMP '9999-12-31 23:59:59.999999', 1)"));

        try (DuckDbStorage storage = SmallStorage.open(data)) {
            assertThat(columnType(storage, "Readings_CL", "TimeGenerated")).isEqualTo("TIMESTAMP_NS");
            assertThat(columnType(storage, "Readings_CL", "ReadAt")).isEqualTo("TIMESTAMP_NS");
            assertThat(columnType(storage, "SecurityAlert", "TimeGenerated")).isEqualTo("TIMESTAMP_NS");
            LogStore logs = storage.logStore();
            assertThat(rows(logs, "Readings_CL | order by DeviceId asc | project DeviceId, TimeGenerated, ReadAt")).containsExactly(
                    List.of("ancient", "1677-09-21T00:12:45Z", "2262-04-11T23:47:15.9999990Z"),
                    List.of("d1", "2024-03-10T10:00:00.1234560Z", "2024-03-10T09:59:00.5000000Z"),
                    List.of("d2", "2024-03-10T11:00:00Z", "2024-03-10T10:59:00Z"));

            logs.ingest("plant", "Readings_CL", List.of(Map.of("TimeGenerated", "2024-03-10T12:00:00.1234567Z", "DeviceId", "d3")))
                    .get(10, TimeUnit.SECONDS);
            assertThat(rows(logs, "Readings_CL | where DeviceId == 'd3' | project TimeGenerated, endofday(TimeGenerated)"))
                    .containsExactly(List.of("2024-03-10T12:00:00.1234567Z", "2024-03-10T23:59:59.9999999Z"));
        }
    }

    @Test
    void testADirectoryAlreadyInTicksOpensUnchanged() throws Exception {
        try (DuckDbStorage storage = SmallStorage.open(data)) {
            storage.logStore().createWorkspace("plant");
            storage.logStore().ingest("plant", "SecurityAlert", List.of(Map.of("AlertName", "a", "TimeGenerated", "2024-03-10T10:00:00.0000001Z")))
                    .get(10, TimeUnit.SECONDS);
        }
        try (DuckDbStorage storage = SmallStorage.open(data)) {
            assertThat(rows(storage.logStore(), "SecurityAlert | project TimeGenerated"))
                    .containsExactly(List.of("2024-03-10T10:00:00.0000001Z"));
        }
    }

    private interface MicrosecondLayout {
        void run(Statement statement) throws SQLException;
    }

    /** Turns every datetime column of the closed directory's workspace back into a microsecond TIMESTAMP, then runs {@code changes}. */
    private void asMicrosecondLayout(String schema, String table, MicrosecondLayout changes) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + data.resolve(DuckDbStorage.DATABASE_FILE));
             Statement statement = connection.createStatement()) {
            List<String[]> columns = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = '" + schema + "' AND data_type = 'TIMESTAMP_NS'")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertThat(columns).extracting(c -> c[0]).contains(table, "SecurityAlert");
            for (String[] column : columns) {
                statement.execute("ALTER TABLE \"" + schema + "\".\"" + column[0] + "\" ALTER COLUMN \"" + column[1]
                        + "\" SET DATA TYPE TIMESTAMP");
            }
            changes.run(statement);
        }
    }

    private static String columnType(DuckDbStorage storage, String table, String column) {
        return (String) storage.sql("SELECT data_type FROM information_schema.columns WHERE table_schema = 'ws_plant' AND table_name = '"
                + table + "' AND column_name = '" + column + "'", TYPE).get(0).get(0);
    }

    private static List<List<Object>> rows(LogStore logs, String kql) {
        return logs.query("plant", QueryRequest.of(kql)).primary().rows();
    }
}
