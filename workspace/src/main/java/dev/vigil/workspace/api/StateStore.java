package dev.vigil.workspace.api;

/**
 * Control-plane state (API keys, users, hubs, devices, rules, cursors...) kept beside the logs
 * as named collections of JSON documents, so that no module outside {@code workspace} writes SQL.
 */
public interface StateStore {

    /** The collection with this name, whose documents are (de)serialised as {@code type} with Jackson. */
    <T> DocumentCollection<T> collection(String name, Class<T> type);

    /**
     * Runs {@code work} as one transaction: the writes it makes through this store's collections
     * are committed together when it returns, or none of them if it throws. Other callers of the
     * store wait meanwhile, so keep it short. One commit instead of one per write is also what
     * makes several writes cheap while the log store is ingesting.
     */
    void transaction(Runnable work);
}
