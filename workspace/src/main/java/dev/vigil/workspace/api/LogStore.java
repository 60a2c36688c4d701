package dev.vigil.workspace.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Log workspaces: append-only tables that are ingested in batches and queried with KQL.
 *
 * <p>The seam between Vigil and its log engine; nothing of the engine (DuckDB today) is visible
 * through it. Errors are {@link WorkspaceException}s carrying what is wrong and where.
 */
public interface LogStore {

    /**
     * Creates the workspace with its built-in tables; does nothing if it exists. An id is 1 to 63
     * ASCII letters, digits, {@code -} or {@code _}, starting with a letter or digit
     * ({@link InvalidWorkspaceIdException} otherwise), and unique regardless of case: an id that
     * differs only in case from an existing workspace's throws {@link WorkspaceConflictException}.
     */
    void createWorkspace(String workspaceId);

    /** The workspace ids, sorted; a workspace is named by its id exactly as created, case included. */
    List<String> workspaces();

    /** Every table of the workspace with its schema and row count. */
    List<TableInfo> tables(String workspaceId);

    /** One table of the workspace (one with storage or a standard one) with its schema and row count; {@link TableNotFoundException} otherwise. */
    TableInfo table(String workspaceId, String table);

    /** Creates a custom table; its name must end in {@code _CL}. */
    TableInfo createCustomTable(String workspaceId, TableDefinition definition);

    /**
     * Validates every row against the table's schema, then queues all of them for the next group
     * commit. For Vigil's own writers, which may write any table; rows from clients go through
     * {@link #ingestFromClient}. Throws {@link RowsRejectedException} (nothing queued) if any row is bad, and
     * {@link IngestQueueFullException} if the queue cannot take the rows now.
     *
     * @param rows values as JSON decodes them: String, Number, Boolean, Map, List or null
     * @return completes once the rows are committed durably, or exceptionally if the commit failed
     */
    CompletableFuture<IngestReceipt> ingest(String workspaceId, String table, List<Map<String, Object>> rows);

    /**
     * As {@link #ingest(String, String, List)}, for rows as newline-delimited JSON: one object per
     * row. The body is validated as it is parsed, and the writer takes its bytes with the values
     * validation changes; a body with a bad row is decoded and validated row by row, so the
     * {@link RowsRejectedException} names each bad row and column as for decoded rows (a line that
     * is not a JSON object is such a row).
     */
    CompletableFuture<IngestReceipt> ingestNdjson(String workspaceId, String table, byte[] body);

    /**
     * As {@link #ingestNdjson(String, String, byte[])}, for a body a client sends, with the checks
     * of {@link #ingestFromClient}. A body that needs the usual validation is turned into rows by
     * {@code decode}, the caller's own reader, so that a body it cannot read fails with the
     * caller's errors, as the same body sent as decoded rows would.
     */
    CompletableFuture<IngestReceipt> ingestNdjsonFromClient(String workspaceId, String table, byte[] body,
                                                            Function<byte[], List<Map<String, Object>>> decode);

    /**
     * As {@link #ingest(String, String, List)}, for rows a client sends through the ingestion API
     * rather than rows Vigil writes itself: a table that Vigil alone writes ({@link TableWriter#VIGIL})
     * throws {@link ReadOnlyTableException} and nothing is queued, so nobody can forge its rows.
     * Every path that takes rows from outside Vigil comes here.
     */
    CompletableFuture<IngestReceipt> ingestFromClient(String workspaceId, String table, List<Map<String, Object>> rows);

    /**
     * As {@link #ingest(String, String, List)}, and commits the consumer's checkpoint in the same
     * transaction as the rows; {@code rows} may be empty to move the checkpoint alone.
     */
    CompletableFuture<IngestReceipt> ingest(String workspaceId, String table, List<Map<String, Object>> rows, Checkpoint checkpoint);

    /** The consumer's committed position, 0 if it has never committed one. */
    long checkpoint(String consumer);

    /**
     * The newest committed ingestion batch of the workspace, 0 before the first commit; rows of
     * every batch up to it are visible to queries. See {@link IngestionWindow}.
     */
    long ingestedThrough(String workspaceId);

    /** The workspace's retention default, {@link TableRetention#DEFAULT_DAYS} until set. */
    int retentionInDays(String workspaceId);

    /** Sets the workspace's retention default, for every table without a setting of its own. */
    void setRetentionInDays(String workspaceId, int days);

    /** The retention in force for the table (one with storage or a standard one). */
    TableRetention tableRetention(String workspaceId, String table);

    /**
     * Sets the table's own retention, or with {@code null} makes it follow the workspace default again.
     *
     * @throws InvalidRetentionException outside {@link TableRetention#MIN_TABLE_DAYS}..{@link TableRetention#MAX_DAYS}
     */
    TableRetention setTableRetention(String workspaceId, String table, Integer days);

    /** Tells the listener of every commit from now on; see {@link CommitListener} for what it may do. */
    void addCommitListener(CommitListener listener);

    /**
     * Compiles and runs a KQL query and returns its rows in memory, for Vigil's own callers (rules,
     * detection, connectors). The result is cut at the store's {@link QueryLimits} (and says so in
     * {@link QueryResult#truncation()}), and the query is stopped after the default timeout
     * ({@link QueryCancelledException}). Bad queries throw {@link KqlQueryException}.
     */
    QueryResult query(String workspaceId, QueryRequest request);

    /**
     * Compiles and runs a KQL query under {@code control} and hands its primary result to
     * {@code sink} row by row, without holding it: the rows are cut at the store's result limits,
     * which the summary reports. A query cancelled or timed out throws {@link QueryCancelledException},
     * also after rows were handed over; an {@link IOException} from the sink cancels the query
     * and is rethrown.
     */
    QuerySummary query(String workspaceId, QueryRequest request, QueryControl control, ResultSink sink) throws IOException;

    /** The limits every query of this store runs under. */
    QueryLimits queryLimits();

    /**
     * Compiles a query without running it and returns its bound plan and SQL; bad queries throw
     * {@link KqlQueryException}.
     */
    QueryExplanation explain(String workspaceId, QueryRequest request);

    /**
     * Saves a stored function, replacing one of the same name, after checking that its name is free
     * (no table, built-in function or KQL keyword has it) and that it compiles against the
     * workspace. Throws {@link FunctionDefinitionException} naming what is wrong and where.
     */
    SavedFunction saveFunction(String workspaceId, StoredFunctionDefinition definition);

    /** The workspace's stored functions, ordered by name. */
    List<StoredFunctionDefinition> functions(String workspaceId);

    /** The stored function with this name; throws {@link FunctionNotFoundException} if there is none. */
    StoredFunctionDefinition function(String workspaceId, String name);

    /** Deletes the stored function with this name; throws {@link FunctionNotFoundException} if there is none. */
    void deleteFunction(String workspaceId, String name);
}
