package dev.vigil.server.console.logs;

import dev.vigil.workspace.api.ResultTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The results the Logs page pages through, kept in memory for the user who ran the query: the
 * newest {@link #MAX_RESULTS}, each holding at most {@link #MAX_ROWS} rows, so the memory they take
 * is bounded whatever users run.
 */
final class QueryResults {
    static final int MAX_RESULTS = 32;
    static final int MAX_ROWS = 10_000;

    /** A query's result, owned by the user who ran it in the workspace it ran in. */
    record Kept(String owner, String workspace, ResultTable table, long totalRows, long elapsedMillis, Optional<String> render) {
    }

    private final Map<String, Kept> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_RESULTS;
        }
    };

    synchronized String keep(String owner, String workspace, ResultTable table, long elapsedMillis, Optional<String> render) {
        ResultTable kept = table.rows().size() <= MAX_ROWS ? table
                : new ResultTable(table.name(), table.columns(), List.copyOf(table.rows().subList(0, MAX_ROWS)));
        String id = UUID.randomUUID().toString();
        byId.put(id, new Kept(owner, workspace, kept, table.rows().size(), elapsedMillis, render));
        return id;
    }

    /** The result, if it is still kept and belongs to this user and workspace. */
    synchronized Optional<Kept> find(String id, String owner, String workspace) {
        return Optional.ofNullable(byId.get(id)).filter(k -> k.owner().equals(owner) && k.workspace().equals(workspace));
    }
}
