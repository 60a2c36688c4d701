package dev.vigil.server.console.logs;

import dev.vigil.workspace.api.QueryCancellation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The results the Logs page pages through, kept in memory for the user who ran the query: the
 * newest {@link #MAX_RESULTS}, each holding at most {@link #MAX_ROWS} rows (the rest are not kept
 * as they are read, see {@link KeptRows}), so the memory they take is bounded whatever users run.
 * A result pushed out while its query still runs stops that query: nobody could see its rows.
 */
final class QueryResults {
    static final int MAX_RESULTS = 32;
    static final int MAX_ROWS = 10_000;

    private final Map<String, KeptResult> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KeptResult> eldest) {
            boolean full = size() > MAX_RESULTS;
            if (full && eldest.getValue().ending().isEmpty()) {
                eldest.getValue().cancel(QueryCancellation.Reason.CANCELLED, "The query was stopped: its results were no longer kept (more than "
                        + MAX_RESULTS + " newer ones).");
            }
            return full;
        }
    };

    /** Keeps the result of a query that starts now; it is found by the id this gives it. */
    synchronized KeptResult start(String owner, String workspace, QueryCancellation cancellation) {
        KeptResult result = new KeptResult(UUID.randomUUID().toString(), owner, workspace, new KeptRows(MAX_ROWS, LogsPages.PAGE_SIZE),
                cancellation);
        byId.put(result.id(), result);
        return result;
    }

    /** The result, if it is still kept and belongs to this user and workspace. */
    synchronized Optional<KeptResult> find(String id, String owner, String workspace) {
        return Optional.ofNullable(byId.get(id)).filter(k -> k.belongsTo(owner, workspace));
    }

    /** Every kept result whose query still runs. */
    synchronized List<KeptResult> running() {
        List<KeptResult> running = new ArrayList<>();
        for (KeptResult result : byId.values()) {
            if (result.ending().isEmpty()) {
                running.add(result);
            }
        }
        return running;
    }
}
