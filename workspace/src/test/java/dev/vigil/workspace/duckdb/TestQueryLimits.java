package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryCancelledException;
import dev.vigil.workspace.api.QueryControl;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.ResultSink;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.ResultTruncation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestQueryLimits {
    /** A cartesian join that runs for minutes unless something stops it. */
    private static final String CARTESIAN = "range x from 1 to 300000 step 1 | extend k = 1"
            + " | join kind=inner (range y from 1 to 300000 step 1 | extend k = 1) on k | count";
    private static final int ROW_CAP = 1_000;
    private static final long BYTE_CAP = 10_000;

    @TempDir
    Path data;
    private DuckDbStorage storage;
    private LogStore logs;

    @BeforeEach
    void open() {
        storage = SmallStorage.open(data, QueryLimits.defaults().withResultCap(ROW_CAP, BYTE_CAP).withMemoryLimit(EngineLimits.minimumMemory()));
        logs = storage.logStore();
        logs.createWorkspace("default");
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void testRowsBeyondTheRowCapAreCutAndTheResultSaysSo() throws IOException {
        Rows rows = new Rows();

        // ten billion rows, far more than the engine could produce in time or hold: it must stop at the cap
        QuerySummary summary = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> logs.query("default", QueryRequest.of("range x from 1 to 10000000000 step 1"), QueryControl.withTimeout(Duration.ofMinutes(1)), rows));

        assertThat(rows.values).hasSize(ROW_CAP);
        assertThat(rows.values.get(ROW_CAP - 1)).containsExactly((long) ROW_CAP);
        assertThat(summary.rows()).isEqualTo(ROW_CAP);
        assertThat(summary.truncation()).contains(new ResultTruncation(ResultTruncation.Kind.ROWS, ROW_CAP));
    }

    @Test
    void testAResultOfExactlyTheRowCapIsComplete() throws IOException {
        QuerySummary summary = logs.query("default", QueryRequest.of("range x from 1 to " + ROW_CAP + " step 1 | project s = 'a'"),
                QueryControl.withTimeout(Duration.ofMinutes(1)), new Rows());

        assertThat(summary.rows()).isEqualTo(ROW_CAP);
        assertThat(summary.truncation()).isEmpty();
    }

    @Test
    void testRowsBeyondTheByteCapAreCutBeforeTheRowThatWouldPassIt() throws IOException {
        Rows rows = new Rows();

        // each row is ["xxxx...x"] with 98 x: 100 bytes of string, 102 with its brackets, 103 with the comma
        QuerySummary summary = logs.query("default", QueryRequest.of("range x from 1 to 500 step 1 | project s = strrep('x', 98)"),
                QueryControl.withTimeout(Duration.ofMinutes(1)), rows);

        assertThat(summary.truncation()).contains(new ResultTruncation(ResultTruncation.Kind.BYTES, BYTE_CAP));
        assertThat(rows.values).hasSize((int) (BYTE_CAP / 103));
        assertThat(summary.bytes()).isLessThanOrEqualTo(BYTE_CAP).isGreaterThan(BYTE_CAP - 103);
    }

    @Test
    void testInMemoryResultsOfVigilsOwnCallersAreCappedToo() {
        QueryResult result = logs.query("default", QueryRequest.of("range x from 1 to 50000000 step 1"));

        assertThat(result.primary().rows()).hasSize(ROW_CAP);
        assertThat(result.truncation()).map(ResultTruncation::kind).contains(ResultTruncation.Kind.ROWS);
    }

    @Test
    void testInMemoryResultsKeepEveryTableOfAForkAndTheCapCountsThemTogether() {
        QueryResult result = logs.query("default", QueryRequest.of("range x from 1 to 600 step 1 | fork (project x) Tens = (project y = x * 10)"));

        assertThat(result.tables()).extracting(ResultTable::name).containsExactly("GenericResult", "Tens");
        assertThat(result.tables().get(0).rows()).hasSize(600);
        assertThat(result.tables().get(1).rows()).hasSize(ROW_CAP - 600);
        assertThat(result.tables().get(1).rows().get(0)).containsExactly(10L);
        assertThat(result.truncation()).map(ResultTruncation::kind).contains(ResultTruncation.Kind.ROWS);
    }

    @Test
    void testASinkThatTakesOneTableIsGivenOnlyTheFirstTableOfAFork() throws IOException {
        Rows rows = new Rows();

        QuerySummary summary = logs.query("default", QueryRequest.of("range x from 1 to 3 step 1 | fork (where x < 3) (project y = x * 10)"),
                QueryControl.withTimeout(Duration.ofMinutes(1)), rows);

        assertThat(rows.values).containsExactly(List.of(1L), List.of(2L));
        assertThat(summary.truncation()).isEmpty();
    }

    @Test
    void testAQueryPastItsTimeoutIsStoppedInTheEngine() {
        QueryControl control = QueryControl.withTimeout(Duration.ofMillis(500));

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> logs.query("default", QueryRequest.of(CARTESIAN), control, new Rows())))
                .isInstanceOfSatisfying(QueryCancelledException.class, e -> {
                    assertThat(e.reason()).isEqualTo(QueryCancellation.Reason.TIMED_OUT);
                    assertThat(e.code()).isEqualTo("GatewayTimeout");
                    assertThat(e.getMessage()).contains("timeout of 500 ms");
                });
    }

    @Test
    void testCancellingARunningQueryStopsIt() {
        QueryControl control = QueryControl.withTimeout(Duration.ofMinutes(10));
        CompletableFuture<QuerySummary> running = CompletableFuture.supplyAsync(() -> {
            try {
                return logs.query("default", QueryRequest.of(CARTESIAN), control, new Rows());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        control.cancellation().cancel(QueryCancellation.Reason.CANCELLED, "cancelled by the test");

        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(QueryCancelledException.class)
                .cause().hasMessage("cancelled by the test");
    }

    @Test
    void testACancelThatLandsWhileTheEngineRunsInterruptsIt() throws Exception {
        QueryControl control = QueryControl.withTimeout(Duration.ofMinutes(10));
        CompletableFuture<QuerySummary> running = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                running.complete(logs.query("default", QueryRequest.of(CARTESIAN), control, new Rows()));
            } catch (IOException | RuntimeException e) {
                running.completeExceptionally(e);
            }
        }, "cartesian-query");
        runner.start();
        awaitInTheEngine(runner);

        control.cancellation().cancel(QueryCancellation.Reason.CANCELLED, "cancelled while running");

        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(QueryCancelledException.class);
    }

    @Test
    void testASinkThatFailsStopsTheQuery() {
        ResultSink failing = new ResultSink() {
            @Override
            public void begin(List<ColumnSchema> columns, Optional<Visualization> render) {
            }

            @Override
            public void row(List<Object> values) throws IOException {
                throw new IOException("client went away");
            }
        };

        assertThatThrownBy(() -> logs.query("default", QueryRequest.of("range x from 1 to 10 step 1"), QueryControl.withTimeout(Duration.ofMinutes(1)), failing))
                .isInstanceOf(IOException.class).hasMessage("client went away");
    }

    @Test
    void testTheEngineReadsNoFiles() {
        assertThatThrownBy(() -> storage.sql("SELECT content FROM read_text('/etc/passwd')", List.of(new ColumnSchema("content", KqlType.STRING))))
                .isInstanceOf(QueryExecutionException.class).hasMessageContaining("Permission Error");
        assertThatThrownBy(() -> storage.sql("SELECT * FROM read_csv('/etc/passwd')", List.of(new ColumnSchema("c", KqlType.STRING))))
                .isInstanceOf(QueryExecutionException.class).hasMessageContaining("Permission Error");
        assertThatThrownBy(() -> storage.sql("SELECT * FROM glob('/etc/*')", List.of(new ColumnSchema("file", KqlType.STRING))))
                .isInstanceOf(QueryExecutionException.class).hasMessageContaining("Permission Error");
    }

    @Test
    void testNoStatementCanLiftTheLimits() {
        for (String set : List.of("SET enable_external_access = true", "SET allowed_directories = ['/']", "SET memory_limit = '100GB'",
                "SET lock_configuration = false")) {
            assertThatThrownBy(() -> storage.sql(set, List.of())).as(set).isInstanceOf(QueryExecutionException.class).hasMessageContaining("locked");
        }
        assertThat(storage.sql("SELECT current_setting('memory_limit') AS m", List.of(new ColumnSchema("m", KqlType.STRING))))
                .singleElement().isEqualTo(List.of(String.format(Locale.ROOT, "%.1f GiB", EngineLimits.minimumMemory() / (1024.0 * 1024 * 1024))));
    }

    @Test
    void testIngestionStillReadsItsSpoolFiles() throws Exception {
        logs.ingest("default", "SecurityAlert", List.of(Map.of("AlertName", "spooled"))).get(10, TimeUnit.SECONDS);

        assertThat(logs.query("default", QueryRequest.of("SecurityAlert | project AlertName")).primary().rows())
                .containsExactly(List.of("spooled"));
    }

    /** Waits until the thread is inside the engine's execution of a statement, the moment a cancel must interrupt. */
    private static void awaitInTheEngine(Thread thread) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Arrays.stream(thread.getStackTrace()).noneMatch(frame -> frame.getMethodName().startsWith("duckdb_jdbc_execute"))) {
            assertThat(thread.isAlive()).as("the query is still running").isTrue();
            assertThat(System.nanoTime()).as("the query reached the engine within 30 s").isLessThan(giveUp);
            Thread.sleep(5);
        }
    }

    /** Keeps what it is handed. */
    private static final class Rows implements ResultSink {
        final List<List<Object>> values = new ArrayList<>();

        @Override
        public void begin(List<ColumnSchema> columns, Optional<Visualization> render) {
        }

        @Override
        public void row(List<Object> row) {
            values.add(row);
        }
    }
}
