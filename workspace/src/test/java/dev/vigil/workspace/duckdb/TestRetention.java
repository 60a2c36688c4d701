package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.InvalidRetentionException;
import dev.vigil.workspace.api.PurgeReport;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.api.TableRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestRetention {
    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withWorkspace("w").withWorkspace("other");

    @Test
    void testRowsPastTheWorkspaceDefaultAreDeletedAndYoungerOnesKept() {
        ingest("w", "Events_CL", 40, 91);
        ingest("w", "Events_CL", 5, 89);

        PurgeReport report = storage.storage().purgeExpiredRows();

        assertThat(report.deletedRows()).containsExactly(Map.entry("w/Events_CL", 40L));
        assertThat(count("w", "Events_CL")).isEqualTo(5);
        assertThat(storage.meters().counter("vigil.retention.deleted.rows", "workspace", "w", "table", "Events_CL").count()).isEqualTo(40);
    }

    @Test
    void testATablesOwnRetentionOverridesTheDefaultOfItsWorkspaceOnly() {
        ingest("w", "Events_CL", 3, 10);
        ingest("other", "Events_CL", 3, 10);

        TableRetention set = storage.logs().setTableRetention("w", "Events_CL", 7);
        storage.storage().purgeExpiredRows();

        assertThat(set).isEqualTo(new TableRetention("Events_CL", 7, false));
        assertThat(count("w", "Events_CL")).isZero();
        assertThat(count("other", "Events_CL")).isEqualTo(3);
        assertThat(storage.logs().tableRetention("other", "Events_CL")).isEqualTo(new TableRetention("Events_CL", 90, true));
    }

    @Test
    void testAPurgeLargerThanOneStepDeletesEveryExpiredRow() {
        ingest("w", "Events_CL", RetentionPurge.STEP_ROWS * 2 + 17, 200);
        ingest("w", "Events_CL", 3, 1);

        assertThat(storage.storage().purgeExpiredRows().totalRows()).isEqualTo(RetentionPurge.STEP_ROWS * 2 + 17);
        assertThat(count("w", "Events_CL")).isEqualTo(3);
    }

    @Test
    void testRowsCommittedWhileAPurgeRunsAreAllKeptAndTheOldOnesAllGo() throws Exception {
        int old = RetentionPurge.STEP_ROWS * 5;
        ingest("w", "Events_CL", old, 100);

        CompletableFuture<PurgeReport> purge = CompletableFuture.supplyAsync(() -> storage.storage().purgeExpiredRows());
        int batches = 0;
        while (!purge.isDone() || batches < 3) {
            ingest("w", "Events_CL", 100, 0);
            batches++;
        }

        assertThat(purge.get().totalRows()).isEqualTo(old);
        assertThat(count("w", "Events_CL")).isEqualTo(batches * 100L);
    }

    @Test
    void testSettingsSurviveARestartAndNullFollowsTheDefaultAgain() {
        storage.logs().setRetentionInDays("w", 120);
        storage.logs().setTableRetention("w", "SecurityAlert", 30);
        storage.logs().setTableRetention("w", "Syslog", 400);
        storage.logs().setTableRetention("w", "Syslog", null);

        storage.reopen();

        assertThat(storage.logs().retentionInDays("w")).isEqualTo(120);
        assertThat(storage.logs().retentionInDays("other")).isEqualTo(TableRetention.DEFAULT_DAYS);
        assertThat(storage.logs().tableRetention("w", "SecurityAlert")).isEqualTo(new TableRetention("SecurityAlert", 30, false));
        assertThat(storage.logs().tableRetention("w", "Syslog")).isEqualTo(new TableRetention("Syslog", 120, true));
    }

    @Test
    void testRetentionOutsideWhatLogAnalyticsAllowsIsRefusedNamingTheBounds() {
        assertThatThrownBy(() -> storage.logs().setTableRetention("w", "SecurityAlert", 3))
                .isInstanceOf(InvalidRetentionException.class).hasMessageContaining("from 4 to 730 days, was 3");
        assertThatThrownBy(() -> storage.logs().setRetentionInDays("w", 7))
                .isInstanceOf(InvalidRetentionException.class).hasMessageContaining("from 30 to 730 days, was 7");
        assertThatThrownBy(() -> storage.logs().setTableRetention("w", "NoSuch_CL", 30)).isInstanceOf(TableNotFoundException.class);
    }

    /** Rows of a custom table, made on first use, all of the same age in days. */
    private void ingest(String workspace, String table, int rows, int ageInDays) {
        if (storage.logs().tables(workspace).stream().noneMatch(t -> t.name().equals(table))) {
            storage.logs().createCustomTable(workspace, new TableDefinition(table, List.of(
                    new ColumnSchema("TimeGenerated", KqlType.DATETIME), new ColumnSchema("Value", KqlType.STRING))));
        }
        String time = Instant.now().minus(Duration.ofDays(ageInDays)).toString();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(Map.of("TimeGenerated", time, "Value", "row " + i));
        }
        storage.logs().ingest(workspace, table, batch).join();
    }

    private long count(String workspace, String table) {
        return ((Number) storage.logs().query(workspace, QueryRequest.of(table + " | count")).primary().rows().get(0).get(0)).longValue();
    }
}
