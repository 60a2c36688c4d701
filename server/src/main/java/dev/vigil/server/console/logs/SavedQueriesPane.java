package dev.vigil.server.console.logs;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.ConsolePaths;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's saved queries as the Logs page lists them.
 *
 * @param change whether the user may save and delete (Contributor), and if not why
 * @param href where the list is read ({@code GET}), a query saved ({@code POST}) and deleted ({@code DELETE ?name=})
 * @param notice what the last change did
 */
public record SavedQueriesPane(List<SavedQuery> queries, Permit change, String href, Optional<String> notice) {

    public String deleteHref(SavedQuery query) {
        return href + "?name=" + ConsolePaths.encode(query.name());
    }
}
