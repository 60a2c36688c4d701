package dev.vigil.server.api.query;

import dev.vigil.kql.TimeRange;
import dev.vigil.server.query.RunningQuery;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * What the query route learns for the query's {@code LAQueryLogs} row, kept on the request until
 * it is answered and its status known ({@link QueryLogRecorder}).
 */
final class QueryLogNote {
    private static final String ATTRIBUTE = "vigil.queryLog";

    final RunningQuery query;
    final Optional<TimeRange> timeRange;
    final String credential;
    final String clientApp;
    volatile long rows;

    private QueryLogNote(RunningQuery query, Optional<TimeRange> timeRange, String credential, String clientApp) {
        this.query = query;
        this.timeRange = timeRange;
        this.credential = credential;
        this.clientApp = clientApp;
    }

    static QueryLogNote attach(Context ctx, RunningQuery query, Optional<TimeRange> timeRange, String credential) {
        String app = ctx.header("x-ms-app");
        QueryLogNote note = new QueryLogNote(query, timeRange, credential, app != null ? app : ctx.userAgent());
        ctx.attribute(ATTRIBUTE, note);
        return note;
    }

    static Optional<QueryLogNote> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
