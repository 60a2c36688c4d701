package dev.vigil.server.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The interactive queries running now, by id, so that they can be listed and cancelled. */
public final class RunningQueries {
    private final ConcurrentMap<String, RunningQuery> byId = new ConcurrentHashMap<>();

    /** Adds the query; false if another running query has its id. */
    boolean add(RunningQuery query) {
        return byId.putIfAbsent(query.id(), query) == null;
    }

    void remove(RunningQuery query) {
        byId.remove(query.id(), query);
    }

    public Optional<RunningQuery> find(String workspace, String id) {
        return Optional.ofNullable(byId.get(id)).filter(query -> query.workspace().equals(workspace));
    }

    /** The workspace's running queries, oldest first. */
    public List<RunningQuery> in(String workspace) {
        return byId.values().stream().filter(query -> query.workspace().equals(workspace))
                .sorted(Comparator.comparing(RunningQuery::started).thenComparing(RunningQuery::id)).toList();
    }

    public int size() {
        return byId.size();
    }
}
