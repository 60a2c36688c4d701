package dev.vigil.workspace.duckdb;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.ExternalDataReader;
import dev.vigil.kql.QueryCaller;
import dev.vigil.kql.Explanation;
import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.Kql;
import dev.vigil.kql.TimeRange;
import dev.vigil.workspace.api.CommitListener;
import dev.vigil.workspace.api.TableRetention;
import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.IngestionWindow;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryControl;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.api.QueryExplanation;
import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.ReadOnlyTableException;
import dev.vigil.workspace.api.ResultSink;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.SavedFunction;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import dev.vigil.workspace.catalog.CustomTables;
import dev.vigil.workspace.catalog.StandardTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import dev.vigil.workspace.ingest.BodyRowValidator;
import dev.vigil.workspace.ingest.BodyRows;
import dev.vigil.workspace.ingest.GroupCommitter;
import dev.vigil.workspace.ingest.NdjsonRows;
import dev.vigil.workspace.ingest.IngestTarget;
import dev.vigil.workspace.ingest.RowValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.duckdb.DuckDBConnection;

/** {@link LogStore} on DuckDB: validation here, commits through the group committer, queries on their own connections. */
final class DuckDbLogStore implements LogStore, AutoCloseable {
    static final String PRIMARY_RESULT = "PrimaryResult";

    private final DuckDBConnection database;
    private final Workspaces workspaces;
    private final Retentions retentions;
    private final GroupCommitter committer;
    private final IngestionLedger ledger;
    private final QueryLimits limits;
    /** Fires query timeouts and repeats interrupts; its work is tiny, so one thread serves every query. */
    private final ScheduledExecutorService timer;
    private final QueryRunner queries;
    private final Clock clock;
    private final ExternalDataReader externalData;
    private final Timer queryTimer;

    /** @param queryConnections the connection queries' own are duplicated from ({@link QueryRunner#streamingConnections}) */
    DuckDbLogStore(DuckDBConnection database, DuckDBConnection queryConnections, Workspaces workspaces, Retentions retentions,
                   GroupCommitter committer, IngestionLedger ledger, QueryLimits limits, ExternalDataReader externalData, Clock clock,
                   MeterRegistry meters) {
        this.database = database;
        this.externalData = externalData;
        this.workspaces = workspaces;
        this.retentions = retentions;
        this.committer = committer;
        this.ledger = ledger;
        this.limits = limits;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigil-query-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.queries = new QueryRunner(queryConnections, limits, timer);
        this.clock = clock;
        this.queryTimer = Timer.builder("vigil.query").description("Time to compile and run a KQL query").register(meters);
    }

    @Override
    public void createWorkspace(String workspaceId) {
        try {
            workspaces.create(workspaceId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create workspace '" + workspaceId + "': " + QueryRunner.readable(e), e);
        }
    }

    @Override
    public List<String> workspaces() {
        return workspaces.ids();
    }

    @Override
    public List<TableInfo> tables(String workspaceId) {
        Workspace workspace = workspaces.require(workspaceId);
        List<TableInfo> tables = new ArrayList<>();
        try (DuckDBConnection connection = database.duplicate(); Statement statement = connection.createStatement()) {
            for (WorkspaceTable table : workspace.tables().values()) {
                tables.add(new TableInfo(table.name(), table.kind(), table.writer(), table.columns(), rowCount(statement, workspace, table)));
            }
            for (WorkspaceTable standard : StandardTables.all()) {
                if (!workspace.tables().containsKey(standard.name())) {
                    tables.add(new TableInfo(standard.name(), standard.kind(), standard.writer(), standard.columns(), 0));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the rows of workspace '" + workspaceId + "': " + QueryRunner.readable(e), e);
        }
        return tables;
    }

    @Override
    public TableInfo table(String workspaceId, String name) {
        Workspace workspace = workspaces.require(workspaceId);
        WorkspaceTable table = workspace.table(name);
        if (!workspace.tables().containsKey(table.name())) {
            // a standard table nothing has written yet has no storage
            return new TableInfo(table.name(), table.kind(), table.writer(), table.columns(), 0);
        }
        try (DuckDBConnection connection = database.duplicate(); Statement statement = connection.createStatement()) {
            return new TableInfo(table.name(), table.kind(), table.writer(), table.columns(), rowCount(statement, workspace, table));
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the rows of table '" + table.name() + "' in workspace '" + workspaceId + "': "
                    + QueryRunner.readable(e), e);
        }
    }

    private static long rowCount(Statement statement, Workspace workspace, WorkspaceTable table) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TableDdl.relation(workspace.schema(), table.name()))) {
            count.next();
            return count.getLong(1);
        }
    }

    @Override
    public TableInfo createCustomTable(String workspaceId, TableDefinition definition) {
        try {
            WorkspaceTable table = workspaces.createCustomTable(workspaceId, definition);
            return new TableInfo(table.name(), table.kind(), table.writer(), table.columns(), 0);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create table '" + definition.name() + "': " + QueryRunner.readable(e), e);
        }
    }

    @Override
    public CompletableFuture<IngestReceipt> ingest(String workspaceId, String table, List<Map<String, Object>> rows) {
        return ingest(workspaceId, table, rows, Optional.empty());
    }

    @Override
    public CompletableFuture<IngestReceipt> ingestNdjson(String workspaceId, String table, byte[] body) {
        Workspace workspace = workspaces.require(workspaceId);
        WorkspaceTable target = workspace.table(table);
        return ingestBody(workspace, target, body, bytes -> NdjsonRows.decode(target.name(), bytes));
    }

    @Override
    public CompletableFuture<IngestReceipt> ingestNdjsonFromClient(String workspaceId, String table, byte[] body,
                                                                   Function<byte[], List<Map<String, Object>>> decode) {
        Workspace workspace = workspaces.require(workspaceId);
        return ingestBody(workspace, clientWritable(workspace, table), body, decode);
    }

    private CompletableFuture<IngestReceipt> ingestBody(Workspace workspace, WorkspaceTable target, byte[] body,
                                                        Function<byte[], List<Map<String, Object>>> decode) {
        Instant now = clock.instant();
        Optional<BodyRows> rows = new BodyRowValidator(target, workspace.tenantId()).validate(body, now);
        if (rows.isEmpty()) {
            return submit(workspace.id(), target.name(), decode.apply(body), Optional.empty());
        }
        WorkspaceTable validated = withStorage(workspace, target);
        return committer.submit(new IngestTarget(workspace.id(), validated), rows.get(),
                () -> new RowValidator(validated, workspace.tenantId()).validate(NdjsonRows.decode(validated.name(), body), now));
    }

    @Override
    public CompletableFuture<IngestReceipt> ingestFromClient(String workspaceId, String table, List<Map<String, Object>> rows) {
        return submit(workspaceId, clientWritable(workspaces.require(workspaceId), table).name(), rows, Optional.empty());
    }

    /** The table a client's rows go to; a table that Vigil or Log Analytics alone writes refuses them, so nobody can forge its rows. */
    private static WorkspaceTable clientWritable(Workspace workspace, String table) {
        WorkspaceTable target = workspace.table(table);
        if (target.writer() == TableWriter.VIGIL) {
            throw new ReadOnlyTableException("table '" + target.name() + "' of workspace '" + workspace.id()
                    + "' is written by Vigil alone and takes no rows from clients; ingest into a custom table instead"
                    + " (its name ends in '" + CustomTables.SUFFIX + "'; create it with the tables API)");
        }
        if (target.writer() == TableWriter.LOG_ANALYTICS) {
            throw new ReadOnlyTableException("table '" + target.name() + "' is a standard table that Log Analytics fills from its own"
                    + " collectors and takes no rows from clients; the standard tables that do (CommonSecurityLog, Syslog, SecurityEvent,"
                    + " WindowsEvent, the ASim*Logs tables...) are listed in docs/content.md, or ingest into a custom table"
                    + " (its name ends in '" + CustomTables.SUFFIX + "')");
        }
        return target;
    }

    @Override
    public CompletableFuture<IngestReceipt> ingest(String workspaceId, String table, List<Map<String, Object>> rows, Checkpoint checkpoint) {
        return ingest(workspaceId, table, rows, Optional.of(checkpoint));
    }

    private CompletableFuture<IngestReceipt> ingest(String workspaceId, String table, List<Map<String, Object>> rows,
                                                    Optional<Checkpoint> checkpoint) {
        return submit(workspaceId, table, rows, checkpoint);
    }

    private CompletableFuture<IngestReceipt> submit(String workspaceId, String table, List<Map<String, Object>> rows,
                                                    Optional<Checkpoint> checkpoint) {
        Workspace workspace = workspaces.require(workspaceId);
        WorkspaceTable target = workspace.table(table);
        List<Object[]> values = new RowValidator(target, workspace.tenantId()).validate(rows, clock.instant());
        return committer.submit(new IngestTarget(workspace.id(), withStorage(workspace, target)), values, checkpoint);
    }

    /** The table rows are written to: a standard table's relation is made on its first rows; only rows that passed validation get that far. */
    private WorkspaceTable withStorage(Workspace workspace, WorkspaceTable target) {
        if (target.kind() != TableKind.STANDARD || workspace.tables().containsKey(target.name())) {
            return target;
        }
        try {
            return workspaces.withStorage(workspace.id(), target.name());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create storage for table '" + target.name() + "' of workspace '" + workspace.id() + "': "
                    + QueryRunner.readable(e), e);
        }
    }

    @Override
    public long checkpoint(String consumer) {
        return ledger.checkpoint(consumer);
    }

    @Override
    public long ingestedThrough(String workspaceId) {
        workspaces.require(workspaceId);
        return ledger.committedThrough(workspaceId);
    }

    @Override
    public int retentionInDays(String workspaceId) {
        workspaces.require(workspaceId);
        return retentions.workspaceDefault(workspaceId);
    }

    @Override
    public void setRetentionInDays(String workspaceId, int days) {
        workspaces.require(workspaceId);
        try {
            retentions.setWorkspaceDefault(workspaceId, days);
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the retention of workspace '" + workspaceId + "': " + QueryRunner.readable(e), e);
        }
    }

    @Override
    public TableRetention tableRetention(String workspaceId, String table) {
        String name = workspaces.require(workspaceId).table(table).name();
        return retentions.of(workspaceId, name);
    }

    @Override
    public TableRetention setTableRetention(String workspaceId, String table, Integer days) {
        String name = workspaces.require(workspaceId).table(table).name();
        try {
            retentions.setTable(workspaceId, name, days);
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the retention of table '" + name + "': " + QueryRunner.readable(e), e);
        }
        return retentions.of(workspaceId, name);
    }

    @Override
    public void addCommitListener(CommitListener listener) {
        committer.addListener(listener);
    }

    @Override
    public QueryResult query(String workspaceId, QueryRequest request) {
        InMemoryResult result = new InMemoryResult();
        try {
            QuerySummary summary = query(workspaceId, request, QueryControl.withTimeout(limits.defaultTimeout()), result);
            return new QueryResult(result.tables(), result.render, summary.truncation());
        } catch (IOException e) {
            throw new UncheckedIOException("rows kept in memory cannot fail to be written", e);
        }
    }

    @Override
    public QuerySummary query(String workspaceId, QueryRequest request, QueryControl control, ResultSink sink) throws IOException {
        Workspace workspace = workspaces.require(workspaceId);
        CompileOptions options = compileOptions(workspaceId, request);
        Timer.Sample sample = Timer.start();
        try (QueryTimeout timeout = QueryTimeout.start(control, timer)) {
            QueryCancellation cancellation = control.cancellation();
            Compilation compilation = Kql.compile(request.query(), workspace.catalog(), options, probe -> queries.probe(probe, cancellation));
            if (compilation.hasErrors()) {
                throw ObfuscatedErrors.masked(new KqlQueryException(compilation.errors()), request.query());
            }
            return queries.run(compilation.results(), compilation.visualization(), control, sink);
        } catch (QueryExecutionException e) {
            throw ObfuscatedErrors.masked(e, request.query());
        } finally {
            sample.stop(queryTimer);
        }
    }

    @Override
    public QueryLimits queryLimits() {
        return limits;
    }

    @Override
    public QueryExplanation explain(String workspaceId, QueryRequest request) {
        Workspace workspace = workspaces.require(workspaceId);
        QueryControl control = QueryControl.withTimeout(limits.defaultTimeout());
        Explanation explanation;
        try (QueryTimeout timeout = QueryTimeout.start(control, timer)) {
            explanation = Kql.explain(request.query(), workspace.catalog(), compileOptions(workspaceId, request), probe -> queries.probe(probe, control.cancellation()));
        }
        Compilation compilation = explanation.compilation();
        if (compilation.hasErrors()) {
            throw ObfuscatedErrors.masked(new KqlQueryException(compilation.errors()), request.query());
        }
        return new QueryExplanation(explanation.plan(), compilation.results().stream()
                .map(result -> new QueryExplanation.Result(result.name(), result.schema(), result.sql())).toList());
    }

    @Override
    public SavedFunction saveFunction(String workspaceId, StoredFunctionDefinition definition) {
        try {
            return workspaces.saveFunction(workspaceId, definition);
        } catch (SQLException e) {
            throw new IllegalStateException("could not save function '" + definition.name() + "': " + QueryRunner.readable(e), e);
        }
    }

    @Override
    public List<StoredFunctionDefinition> functions(String workspaceId) {
        return List.copyOf(workspaces.require(workspaceId).functions().values());
    }

    @Override
    public StoredFunctionDefinition function(String workspaceId, String name) {
        return workspaces.require(workspaceId).function(name);
    }

    @Override
    public void deleteFunction(String workspaceId, String name) {
        try {
            workspaces.deleteFunction(workspaceId, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete function '" + name + "': " + QueryRunner.readable(e), e);
        }
    }

    /**
     * The query's instant, its caller (the workspace, and the user when the request names one), its time range when
     * the request has a timespan, its ingestion window when it has one.
     */
    private CompileOptions compileOptions(String workspaceId, QueryRequest request) {
        Instant now = request.asOf().orElseGet(clock::instant);
        CompileOptions options = CompileOptions.at(now).withCaller(new QueryCaller(request.principal().orElse(""), workspaceId))
                .withExternalData(externalData).withIngestionTimeColumn(TableDdl.INGESTION_TIME_COLUMN);
        Optional<TimeRange> range = request.timeRange(now);
        if (range.isPresent()) {
            options = options.withTimeRange(range.get());
        }
        if (request.ingestion().isPresent()) {
            IngestionWindow window = request.ingestion().get();
            options = options.withIngestion(new IngestionRange(TableDdl.INGEST_BATCH_COLUMN, window.after(), window.upTo()));
        }
        return options;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Keeps every result table's rows, for callers that need them whole; the result cap bounds them. */
    private static final class InMemoryResult implements ResultSink {
        private final List<ResultTable> tables = new ArrayList<>();
        private Optional<Visualization> render = Optional.empty();

        @Override
        public boolean takesEveryTable() {
            return true;
        }

        @Override
        public void begin(String table, List<ColumnSchema> resultColumns, Optional<Visualization> resultRender) {
            tables.add(new ResultTable(table, resultColumns, new ArrayList<>()));
            render = resultRender;
        }

        @Override
        public void begin(List<ColumnSchema> resultColumns, Optional<Visualization> resultRender) {
            begin(PRIMARY_RESULT, resultColumns, resultRender);
        }

        @Override
        public void row(List<Object> values) {
            tables.get(tables.size() - 1).rows().add(values);
        }

        List<ResultTable> tables() {
            return tables;
        }
    }
}
