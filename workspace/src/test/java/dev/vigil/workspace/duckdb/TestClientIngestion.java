package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.ReadOnlyTableException;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableDefinitionException;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableWriter;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rows from clients go to tables that take them; the tables Vigil writes take rows from Vigil alone. */
class TestClientIngestion {
    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withWorkspace("default");

    @Test
    void clientRowsForATableVigilWritesAreRefusedNamingTheTable() {
        for (WorkspaceTable table : BuiltInTables.ALL) {
            List<Map<String, Object>> rows = List.of(Map.of("TimeGenerated", "2020-01-01T00:00:00Z"));
            assertThatThrownBy(() -> storage.logs().ingestFromClient("default", table.name(), rows))
                    .isInstanceOf(ReadOnlyTableException.class)
                    .hasMessage("table '" + table.name() + "' of workspace 'default' is written by Vigil alone and takes no rows"
                            + " from clients; ingest into a custom table instead (its name ends in '_CL'; create it with the tables API)");
        }
        assertThat(storage.logs().tables("default")).allSatisfy(table -> assertThat(table.rowCount()).as(table.name()).isZero());
    }

    @Test
    void vigilsOwnWritersStillWriteThoseTables() throws Exception {
        storage.logs().ingest("default", "VigilAudit", List.of(Map.of("OperationName", "POST /api/workspaces"))).get(10, TimeUnit.SECONDS);

        assertThat(rowCount("VigilAudit")).isEqualTo(1);
    }

    @Test
    void clientRowsForACustomTableAreTaken() throws Exception {
        storage.logs().createCustomTable("default", new TableDefinition("Readings_CL", List.of(new ColumnSchema("DeviceId", KqlType.STRING))));

        storage.logs().ingestFromClient("default", "Readings_CL", List.of(Map.of("DeviceId", "d1"))).get(10, TimeUnit.SECONDS);

        assertThat(rowCount("Readings_CL")).isEqualTo(1);
        assertThat(storage.logs().tables("default")).filteredOn(t -> t.name().equals("Readings_CL"))
                .extracting(TableInfo::writer).containsExactly(TableWriter.CLIENTS);
    }

    @Test
    void aCustomColumnNamedLikeAHiddenColumnIsRefusedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> storage.logs().createCustomTable("default", new TableDefinition("Batches_CL",
                List.of(new ColumnSchema("_IngestBatch", KqlType.LONG)))))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessageStartingWith("column name '_IngestBatch' is reserved");
        assertThat(storage.logs().tables("default")).extracting(TableInfo::name).doesNotContain("Batches_CL");
    }

    private long rowCount(String table) {
        return storage.logs().tables("default").stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rowCount();
    }
}
