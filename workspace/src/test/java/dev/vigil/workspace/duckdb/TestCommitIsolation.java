package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import dev.vigil.workspace.ingest.BodyRow;
import dev.vigil.workspace.ingest.BodyRowValidator;
import dev.vigil.workspace.ingest.BodyRows;
import dev.vigil.workspace.ingest.IngestTarget;
import dev.vigil.workspace.ingest.RowValidator;
import dev.vigil.workspace.ingest.ValueEdit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose rows DuckDB refuses, though they passed validation, fails alone: the other
 * requests of its group commit are committed, once each. The rows are handed to the group
 * committer past the validator, as a value the validator does not know to refuse would pass.
 */
class TestCommitIsolation {
    private static final WorkspaceTable ALERTS = BuiltInTables.SECURITY_ALERT;
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String TENANT = "3f2c1a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";

    @TempDir
    Path data;

    @Test
    void testRowsTheEngineRefusesFailOnlyTheirRequestNamingRowAndColumnWithoutAPath() throws Exception {
        // six rows close a batch, and nothing else does: the three requests share one commit
        try (DuckDbStorage storage = DuckDbStorage.open(new StorageSettings(data, 6, Duration.ofHours(1), 1_000),
                new SimpleMeterRegistry(), Clock.systemUTC())) {
            storage.logStore().createWorkspace("default");
            IngestTarget target = new IngestTarget("default", ALERTS);
            List<Object[]> refused = rows("bad-0", "bad-1");
            refused.get(1)[position("AlertName")] = "x\uD800y";

            CompletableFuture<IngestReceipt> before = storage.committer().submit(target, rows("good-0", "good-1"));
            CompletableFuture<IngestReceipt> bad = storage.committer().submit(target, refused);
            CompletableFuture<IngestReceipt> after = storage.committer().submit(target, rows("good-2", "good-3"));

            assertThat(before.get(30, TimeUnit.SECONDS).rowsCommitted()).isEqualTo(2);
            assertThat(after.get(30, TimeUnit.SECONDS).rowsCommitted()).isEqualTo(2);
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(RowsRejectedException.class, rejected -> {
                assertThat(rejected.errors()).singleElement().satisfies(error -> {
                    assertThat(error.row()).isEqualTo(1);
                    assertThat(error.column()).isEqualTo("AlertName");
                    assertThat(error.reason()).isEqualTo("the storage engine refused the value although it passed validation:"
                            + " no low surrogate in string.");
                });
                assertThat(rejected.getMessage()).doesNotContain(data.toString());
            });
            List<List<Object>> stored = storage.sql("SELECT \"SystemAlertId\" AS id FROM \"ws_default\".\"SecurityAlert\" ORDER BY id",
                    List.of(new ColumnSchema("id", KqlType.STRING)));
            assertThat(stored).containsExactly(List.of("good-0"), List.of("good-1"), List.of("good-2"), List.of("good-3"));
            assertThat(storage.health().writable()).isTrue();
        }
    }

    /** The same for a request whose body is handed on: its stored values are worked out only to find the refused row. */
    @Test
    void testABodyTheEngineRefusesFailsOnlyItsRequestNamingRowAndColumn() throws Exception {
        try (DuckDbStorage storage = DuckDbStorage.open(new StorageSettings(data, 6, Duration.ofHours(1), 1_000),
                new SimpleMeterRegistry(), Clock.systemUTC())) {
            storage.logStore().createWorkspace("default");
            IngestTarget target = new IngestTarget("default", ALERTS);
            String text = "{\"SystemAlertId\":\"bad-0\",\"AlertName\":\"Failed local login\"}\n"
                    + "{\"SystemAlertId\":\"bad-1\",\"AlertName\":\"Failed local login\"}\n";
            byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            BodyRows validated = new BodyRowValidator(ALERTS, TENANT).validate(body, NOW).orElseThrow();
            // the second row's AlertName replaced by a value the validator would have refused
            BodyRow second = validated.rows().get(1);
            int from = text.lastIndexOf("\"Failed local login\"");
            List<ValueEdit> replaced = new java.util.ArrayList<>(second.replaced());
            replaced.add(new ValueEdit(from, text.lastIndexOf('}'), false, position("AlertName"), "x\uD800y"));
            BodyRows refusedBody = new BodyRows(body, List.of(validated.rows().get(0),
                    new BodyRow(second.start(), second.end(), second.hasFields(), replaced, second.added())));
            List<Object[]> refusedValues = rows("bad-0", "bad-1");
            refusedValues.get(1)[position("AlertName")] = "x\uD800y";

            CompletableFuture<IngestReceipt> before = storage.committer().submit(target, rows("good-0", "good-1"));
            CompletableFuture<IngestReceipt> bad = storage.committer().submit(target, refusedBody, () -> refusedValues);
            CompletableFuture<IngestReceipt> after = storage.committer().submit(target, rows("good-2", "good-3"));

            assertThat(before.get(30, TimeUnit.SECONDS).rowsCommitted()).isEqualTo(2);
            assertThat(after.get(30, TimeUnit.SECONDS).rowsCommitted()).isEqualTo(2);
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(RowsRejectedException.class, rejected ->
                    assertThat(rejected.errors()).singleElement().satisfies(error -> {
                        assertThat(error.row()).isEqualTo(1);
                        assertThat(error.column()).isEqualTo("AlertName");
                    }));
            List<List<Object>> stored = storage.sql("SELECT \"SystemAlertId\" AS id FROM \"ws_default\".\"SecurityAlert\" ORDER BY id",
                    List.of(new ColumnSchema("id", KqlType.STRING)));
            assertThat(stored).containsExactly(List.of("good-0"), List.of("good-1"), List.of("good-2"), List.of("good-3"));
        }
    }

    private static List<Object[]> rows(String... ids) {
        return new RowValidator(ALERTS, TENANT).validate(
                java.util.Arrays.stream(ids).map(id -> Map.<String, Object>of("SystemAlertId", id, "AlertName", "Failed local login")).toList(),
                NOW);
    }

    private static int position(String column) {
        List<ColumnSchema> columns = ALERTS.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }
}
