package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.ReadOnlyTableException;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableDefinitionException;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableWriter;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows from clients go to tables that take them; the tables Vigil writes take rows from Vigil alone. */
class TestClientIngestion {
    @TempDir
    Path data;
    private DuckDbStorage storage;
    private LogStore logs;

    @BeforeEach
    void open() {
        storage = SmallStorage.open(data);
        logs = storage.logStore();
        logs.createWorkspace("default");
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void clientRowsForATableVigilWritesAreRefusedNamingTheTable() {
        for (WorkspaceTable table : BuiltInTables.ALL) {
            assertThatThrownBy(() -> logs.ingestFromClient("default", table.name(), List.of(Map.of("TimeGenerated", "2020-01-01T00:00:00Z"))))
                    .isInstanceOf(ReadOnlyTableException.class)
                    .hasMessage("table '" + table.name() + "' of workspace 'default' is written by Vigil alone and takes no rows"
                            + " from clients; ingest into a custom table instead (its name ends in '_CL'; create it with the tables API)");
        }
        assertThat(logs.tables("default")).allSatisfy(table -> assertThat(table.rowCount()).as(table.name()).isZero());
    }

    @Test
    void vigilsOwnWritersStillWriteThoseTables() throws Exception {
        logs.ingest("default", "VigilAudit", List.of(Map.of("OperationName", "POST /api/workspaces"))).get(10, TimeUnit.SECONDS);

        assertThat(rowCount("VigilAudit")).isEqualTo(1);
    }

    @Test
    void clientRowsForACustomTableAreTaken() throws Exception {
        logs.createCustomTable("default", new TableDefinition("Readings_CL", List.of(new ColumnSchema("DeviceId", KqlType.STRING))));

        logs.ingestFromClient("default", "Readings_CL", List.of(Map.of("DeviceId", "d1"))).get(10, TimeUnit.SECONDS);

        assertThat(rowCount("Readings_CL")).isEqualTo(1);
        assertThat(logs.tables("default")).filteredOn(t -> t.name().equals("Readings_CL"))
                .extracting(TableInfo::writer).containsExactly(TableWriter.CLIENTS);
    }

    @Test
    void aCustomColumnNamedLikeAHiddenColumnIsRefusedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> logs.createCustomTable("default", new TableDefinition("Batches_CL",
                List.of(new ColumnSchema("_IngestBatch", KqlType.LONG)))))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessageStartingWith("column name '_IngestBatch' is reserved");
        assertThat(logs.tables("default")).extracting(TableInfo::name).doesNotContain("Batches_CL");
    }

    private long rowCount(String table) {
        return logs.tables("default").stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rowCount();
    }
}
