package dev.vigil.server.query;

import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.WorkspaceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code LAQueryLogs} rows to the workspace each query ran on, through the ordinary
 * ingestion path: group-committed with everything else, so a query never waits for its row.
 * Vigil's own queries (rules, detection, connectors) are not logged here; rule runs have their
 * {@code SentinelHealth} rows.
 */
public final class QueryLog {
    public static final String TABLE = "LAQueryLogs";
    private static final Logger LOG = LoggerFactory.getLogger(QueryLog.class);

    private final LogStore logStore;

    public QueryLog(LogStore logStore) {
        this.logStore = logStore;
    }

    /** Queues the row for the next group commit and returns at once. */
    public void record(QueryLogEntry entry) {
        try {
            logStore.ingest(entry.workspace(), TABLE, List.of(entry.toRow())).whenComplete((receipt, failure) -> {
                if (failure != null) {
                    LOG.error("query log row lost, commit failed: query {} on workspace {}", entry.queryId(), entry.workspace(), failure);
                }
            });
        } catch (WorkspaceException e) {
            // the queue is full or the workspace is gone: the query itself is answered regardless
            LOG.error("query log row not written for query {} on workspace {}: {}", entry.queryId(), entry.workspace(), e.getMessage());
        }
    }
}
