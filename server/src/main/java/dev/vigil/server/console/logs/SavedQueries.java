package dev.vigil.server.console.logs;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Logs page's saved queries, per workspace, kept in the state store (as rules and role
 * assignments are), so they outlive restarts. A name is unique in its workspace, ignoring case:
 * saving under a name that exists replaces that query.
 */
public final class SavedQueries {
    static final String COLLECTION = "console.savedQueries";
    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 32 * 1024;
    static final int MAX_PER_WORKSPACE = 500;

    private final DocumentCollection<SavedQuery> stored;

    public SavedQueries(StateStore state) {
        this.stored = state.collection(COLLECTION, SavedQuery.class);
    }

    /** The workspace's saved queries, by name. */
    public List<SavedQuery> list(String workspace) {
        String prefix = prefix(workspace);
        List<SavedQuery> found = new ArrayList<>();
        for (SavedQuery saved : stored.listAfter(prefix, MAX_PER_WORKSPACE + 1)) {
            if (saved.workspace().equals(workspace)) {
                found.add(saved);
            }
        }
        found.sort(Comparator.comparing(saved -> saved.name().toLowerCase(Locale.ROOT)));
        return found;
    }

    /** What is wrong with saving this, in words the page shows; empty if nothing is. */
    public Optional<String> problem(String workspace, String name, String query) {
        if (name.isBlank()) {
            return Optional.of("Give the query a name to save it under.");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("The name is " + name.length() + " characters long; at most " + MAX_NAME + " are kept.");
        }
        if (query.isBlank()) {
            return Optional.of("Write a query first: there is nothing to save.");
        }
        if (query.length() > MAX_QUERY) {
            return Optional.of("The query is " + query.length() + " characters long; at most " + MAX_QUERY + " can be saved.");
        }
        if (stored.get(id(workspace, name)).isEmpty() && list(workspace).size() >= MAX_PER_WORKSPACE) {
            return Optional.of("Workspace '" + workspace + "' has " + MAX_PER_WORKSPACE + " saved queries already; delete one to save another.");
        }
        return Optional.empty();
    }

    /** Saves it, replacing a query saved under the same name; {@link #problem} says first whether it can be. */
    public void save(SavedQuery query) {
        stored.put(id(query.workspace(), query.name()), query);
    }

    /** @return whether a query of that name was saved */
    public boolean delete(String workspace, String name) {
        return stored.delete(id(workspace, name));
    }

    private static String prefix(String workspace) {
        return workspace + "/";
    }

    private static String id(String workspace, String name) {
        return prefix(workspace) + name.strip().toLowerCase(Locale.ROOT);
    }
}
