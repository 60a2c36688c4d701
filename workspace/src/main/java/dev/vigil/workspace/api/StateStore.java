package dev.vigil.workspace.api;

/**
 * Control-plane state (API keys, users, hubs, devices, rules, cursors...) kept beside the logs
 * as named collections of JSON documents, so that no module outside {@code workspace} writes SQL.
 */
public interface StateStore {

    /** The collection with this name, whose documents are (de)serialised as {@code type} with Jackson. */
    <T> DocumentCollection<T> collection(String name, Class<T> type);
}
