package dev.vigil.server.console.logs;

import dev.vigil.workspace.api.ResultTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The results the Logs page pages through, kept in memory for the user who ran the query: the
 * newest {@link #MAX_RESULTS}, each holding at most {@link #MAX_ROWS} rows (the rest are not kept
 * as they are read, see {@link KeptRows}), so the memory they take is bounded whatever users run.
 */
final class QueryResults {
    static final int MAX_RESULTS = 32;
    static final int MAX_ROWS = 10_000;

    /**
     * A query's result, owned by the user who ran it in the workspace it ran in.
     *
     * @param totalRows the rows the query returned, of which {@code table} holds the first
     * @param cut why the query's own result was cut short, at the store's result limits
     */
    record Kept(String owner, String workspace, ResultTable table, long totalRows, long elapsedMillis, Optional<String> render,
                Optional<String> cut) {
    }

    private final Map<String, Kept> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_RESULTS;
        }
    };

    /** Keeps a result of at most {@link #MAX_ROWS} rows; answers the id it is found by. */
    synchronized String keep(String owner, String workspace, ResultTable table, long totalRows, long elapsedMillis, Optional<String> render,
            Optional<String> cut) {
        if (table.rows().size() > MAX_ROWS) {
            throw new IllegalArgumentException("a kept result holds at most " + MAX_ROWS + " rows, was given " + table.rows().size());
        }
        String id = UUID.randomUUID().toString();
        byId.put(id, new Kept(owner, workspace, table, totalRows, elapsedMillis, render, cut));
        return id;
    }

    /** The result, if it is still kept and belongs to this user and workspace. */
    synchronized Optional<Kept> find(String id, String owner, String workspace) {
        return Optional.ofNullable(byId.get(id)).filter(k -> k.owner().equals(owner) && k.workspace().equals(workspace));
    }
}
