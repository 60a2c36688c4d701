package dev.vigil.server.api.query;

import dev.vigil.server.query.QueryLog;
import dev.vigil.server.query.QueryLogEntry;
import dev.vigil.workspace.api.QueryCancellation;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a query request is answered, writes its {@code LAQueryLogs} row with the status it got.
 * A client that hung up is recorded with 499, the status proxies use for it, since it got none.
 */
public final class QueryLogRecorder {
    static final int CLIENT_CLOSED_REQUEST = 499;
    private static final Logger LOG = LoggerFactory.getLogger(QueryLogRecorder.class);

    private final QueryLog log;

    public QueryLogRecorder(QueryLog log) {
        this.log = log;
    }

    public void handle(Context ctx, Float executionTimeMs) {
        QueryLogNote.of(ctx).ifPresent(note -> {
            try {
                boolean hungUp = note.query.cancellation().cancelled()
                        .filter(c -> c.reason() == QueryCancellation.Reason.CLIENT_DISCONNECTED).isPresent();
                log.record(new QueryLogEntry(note.query.started(), note.query.workspace(), note.query.id(), note.query.caller().id(),
                        note.credential, note.query.query(), note.timeRange, note.clientApp, hungUp ? CLIENT_CLOSED_REQUEST : ctx.statusCode(),
                        executionTimeMs, note.rows));
            } catch (RuntimeException e) {
                // the answer is sent already; the failure must at least reach the log
                LOG.error("could not record query {} in LAQueryLogs", note.query.id(), e);
            }
        });
    }
}
