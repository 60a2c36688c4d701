package dev.vigil.workspace.api;

import java.util.List;
import java.util.Optional;

/** Documents of one type, by id. Every write is committed when the call returns. */
public interface DocumentCollection<T> {

    Optional<T> get(String id);

    /** Every document, ordered by id. */
    List<T> list();

    /** At most {@code limit} documents whose ids sort after {@code afterId}, ordered by id: one page of a long collection. */
    List<T> listAfter(String afterId, int limit);

    /** Inserts or replaces the document with this id. */
    void put(String id, T document);

    /** @return whether a document was deleted */
    boolean delete(String id);
}
