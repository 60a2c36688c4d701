package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.IngestionWindow;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.api.TableDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Consumers' checkpoints committed with their rows, and queries over a range of ingestion batches. */
class TestCheckpointsAndIngestionWindows {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final List<ColumnSchema> COLUMNS = List.of(new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("Name", KqlType.STRING));

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withWorkspace("default");

    @BeforeEach
    void createTable() {
        storage.logs().createCustomTable("default", new TableDefinition("Events_CL", COLUMNS));
    }

    private void ingest(String name, String timeGenerated) throws Exception {
        storage.logs().ingest("default", "Events_CL", List.of(Map.of("Name", name, "TimeGenerated", timeGenerated))).get(10, TimeUnit.SECONDS);
    }

    private List<Object> names(QueryRequest request) {
        return storage.logs().query("default", request).tables().get(0).rows().stream().map(row -> row.get(0)).toList();
    }

    @Test
    void checkpointIsZeroUntilCommittedAndSurvivesARestart() throws Exception {
        assertThat(storage.logs().checkpoint("connector/iot/default")).isZero();

        storage.logs().ingest("default", "Events_CL", List.of(Map.of("Name", "a")), new Checkpoint("connector/iot/default", 7))
                .get(10, TimeUnit.SECONDS);
        storage.reopen();

        assertThat(storage.logs().checkpoint("connector/iot/default")).isEqualTo(7);
        assertThat(names(QueryRequest.of("Events_CL | project Name"))).containsExactly("a");
    }

    @Test
    void checkpointMovesWithoutRowsAndNeverBackwards() throws Exception {
        storage.logs().ingest("default", "Events_CL", List.of(), new Checkpoint("rule/default/r1", 5)).get(10, TimeUnit.SECONDS);
        storage.logs().ingest("default", "Events_CL", List.of(), new Checkpoint("rule/default/r1", 3)).get(10, TimeUnit.SECONDS);

        assertThat(storage.logs().checkpoint("rule/default/r1")).isEqualTo(5);
        assertThat(storage.logs().checkpoint("rule/default/other")).isZero();
    }

    @Test
    void checkpointsAndBatchNumbersHoldAcrossADatabaseCheckpointAndARestart() throws Exception {
        storage.logs().ingest("default", "Events_CL", List.of(Map.of("Name", "a")), new Checkpoint("c", 4)).get(10, TimeUnit.SECONDS);
        ingest("b", "2024-05-01T11:00:00Z");
        long batch = storage.logs().ingestedThrough("default");

        // the checkpoint folds the ledger's appended records into its keyed tables
        assertThat(storage.storage().checkpointer().checkpoint()).isTrue();
        storage.logs().ingest("default", "Events_CL", List.of(), new Checkpoint("c", 2)).get(10, TimeUnit.SECONDS);

        assertThat(storage.logs().checkpoint("c")).isEqualTo(4);
        storage.reopen();
        assertThat(storage.logs().checkpoint("c")).isEqualTo(4);
        assertThat(storage.logs().ingestedThrough("default")).isEqualTo(batch);
        ingest("c", "2024-05-01T11:00:00Z");
        assertThat(storage.logs().ingestedThrough("default")).isEqualTo(batch + 1);
    }

    @Test
    void rejectedRowsLeaveTheCheckpointWhereItWas() throws Exception {
        storage.logs().ingest("default", "Events_CL", List.of(), new Checkpoint("c", 1)).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> storage.logs().ingest("default", "Events_CL", List.of(Map.of("Name", "x", "Nope", 1)), new Checkpoint("c", 2)))
                .isInstanceOf(RowsRejectedException.class);

        assertThat(storage.logs().checkpoint("c")).isEqualTo(1);
    }

    @Test
    void everyCommitTakesTheNextBatchNumberAndWindowsSeeEachRowOnce() throws Exception {
        assertThat(storage.logs().ingestedThrough("default")).isZero();
        ingest("first", "2024-05-01T11:00:00Z");
        long afterFirst = storage.logs().ingestedThrough("default");
        ingest("second", "2024-05-01T11:30:00Z");
        // arrives late: its TimeGenerated is older than the rows before it, yet it is new to a window
        ingest("late", "2024-04-01T00:00:00Z");
        long afterAll = storage.logs().ingestedThrough("default");

        assertThat(afterFirst).isEqualTo(1);
        assertThat(afterAll).isEqualTo(3);
        QueryRequest query = QueryRequest.of("Events_CL | project Name | order by Name asc");
        assertThat(names(query.withIngestion(new IngestionWindow(0, afterFirst)))).containsExactly("first");
        assertThat(names(query.withIngestion(new IngestionWindow(afterFirst, afterAll)))).containsExactly("late", "second");
        assertThat(names(query.withIngestion(new IngestionWindow(afterAll, afterAll)))).isEmpty();
    }

    @Test
    void batchNumbersContinueAfterARestart() throws Exception {
        ingest("before", "2024-05-01T11:00:00Z");
        storage.reopen();
        ingest("after", "2024-05-01T11:00:00Z");

        assertThat(storage.logs().ingestedThrough("default")).isEqualTo(2);
        assertThat(names(QueryRequest.of("Events_CL | project Name").withIngestion(new IngestionWindow(1, 2)))).containsExactly("after");
    }

    @Test
    void tablesOfAnOlderDataDirectoryGetTheBatchColumnAndKeepTheirRows() throws Exception {
        ingest("old", "2024-05-01T11:00:00Z");
        storage.close();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + storage.dataDirectory().resolve(DuckDbStorage.DATABASE_FILE));
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + TableDdl.relation(WorkspaceSchemas.of("default"), "Events_CL")
                    + " DROP COLUMN " + TableDdl.INGEST_BATCH_COLUMN);
        }
        storage.reopen();
        ingest("new", "2024-05-01T11:00:00Z");

        QueryRequest names = QueryRequest.of("Events_CL | project Name");
        assertThat(names(names)).containsExactlyInAnyOrder("old", "new");
        assertThat(names(names.withIngestion(new IngestionWindow(1, storage.logs().ingestedThrough("default"))))).containsExactly("new");
    }

    @Test
    void theBatchColumnIsNotPartOfAnyResult() throws Exception {
        ingest("a", "2024-05-01T11:00:00Z");

        var table = storage.logs().query("default", QueryRequest.of("Events_CL")).tables().get(0);
        var schema = storage.logs().query("default", QueryRequest.of("Events_CL | getschema | project ColumnName")).tables().get(0);

        assertThat(table.columns()).extracting(ColumnSchema::name).doesNotContain(TableDdl.INGEST_BATCH_COLUMN);
        assertThat(schema.rows()).extracting(row -> row.get(0)).doesNotContain(TableDdl.INGEST_BATCH_COLUMN);
        assertThat(storage.logs().query("default", QueryRequest.of("search \"a\" | project Name")).tables().get(0).columns())
                .extracting(ColumnSchema::name).containsExactly("Name");
    }

    @Test
    void asOfIsWhatNowAndADurationTimespanMean() throws Exception {
        ingest("old", "2024-04-30T10:00:00Z");
        ingest("new", "2024-05-01T11:00:00Z");

        QueryRequest lastHour = QueryRequest.of("Events_CL | project Name").withTimespan("PT2H");
        QueryRequest agoDayBefore = QueryRequest.of("Events_CL | where TimeGenerated > ago(2h) | project Name");

        assertThat(names(lastHour)).containsExactly("new");
        assertThat(names(lastHour.at(Instant.parse("2024-04-30T11:00:00Z")))).containsExactly("old");
        assertThat(names(agoDayBefore.at(Instant.parse("2024-04-30T11:00:00Z")))).containsExactly("old", "new");
    }
}
