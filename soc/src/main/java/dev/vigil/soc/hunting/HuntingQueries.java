package dev.vigil.soc.hunting;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.StateStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The saved hunting queries of every workspace, in the state store. A query is checked against
 * the workspace when saved (it must compile: {@code KqlQueryException} otherwise), and run over a
 * window of {@code TimeGenerated} on demand ({@link #request}); running it writes no state.
 */
public final class HuntingQueries {
    static final String COLLECTION = "huntingQueries";

    private final LogStore logStore;
    private final DocumentCollection<StoredHuntingQuery> documents;

    public HuntingQueries(LogStore logStore, StateStore state) {
        this.logStore = logStore;
        this.documents = state.collection(COLLECTION, StoredHuntingQuery.class);
    }

    /** Saves the query, replacing one of the same id, once it compiles against the workspace; answers whether it was created. */
    public boolean save(String workspaceId, HuntingQuery query) {
        // any window will do: the check is whether it compiles, with the window's placeholders filled in
        logStore.explain(workspaceId, QueryRequest.of(query.textFor(new HuntingWindow(Instant.EPOCH, Instant.EPOCH.plus(HuntingWindow.DEFAULT_LOOKBACK)))));
        boolean created = documents.get(key(workspaceId, query.id())).isEmpty();
        documents.put(key(workspaceId, query.id()), new StoredHuntingQuery(workspaceId, query));
        return created;
    }

    /** The workspace's hunting queries, by display name. */
    public List<HuntingQuery> list(String workspaceId) {
        return documents.list().stream().filter(stored -> stored.workspaceId().equals(workspaceId)).map(StoredHuntingQuery::query)
                .sorted(Comparator.comparing(HuntingQuery::displayName).thenComparing(HuntingQuery::id)).toList();
    }

    public Optional<HuntingQuery> find(String workspaceId, String id) {
        return documents.get(key(workspaceId, id)).map(StoredHuntingQuery::query);
    }

    public HuntingQuery get(String workspaceId, String id) {
        return find(workspaceId, id).orElseThrow(() -> new HuntingNotFoundException("workspace '" + workspaceId + "' has no hunting query '" + id + "'"));
    }

    public void delete(String workspaceId, String id) {
        if (!documents.delete(key(workspaceId, id))) {
            throw new HuntingNotFoundException("workspace '" + workspaceId + "' has no hunting query '" + id + "'");
        }
    }

    /**
     * The request that runs the query over the window. Running it is left to the caller, which runs
     * it on someone's behalf under the same limits and query log as their other queries.
     */
    public QueryRequest request(String workspaceId, String id, HuntingWindow window) {
        HuntingQuery query = get(workspaceId, id);
        return new QueryRequest(query.textFor(window), Optional.of(window.timespan()));
    }

    private static String key(String workspaceId, String id) {
        return workspaceId + "/" + id;
    }
}
