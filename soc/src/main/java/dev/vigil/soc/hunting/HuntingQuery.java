package dev.vigil.soc.hunting;

import dev.vigil.soc.rule.EntityMapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved hunting query: KQL an analyst runs over a chosen time window, with what describes it.
 *
 * @param id the query's id as its content gives it (a GUID in Sentinel's content)
 * @param entityMappings which columns of its results name which entities, for the bookmarks made from them
 * @param version the content version it was imported at, if its file has one
 */
public record HuntingQuery(String id, String displayName, String description, String query, List<String> tactics, List<String> techniques,
                           List<RequiredDataConnector> requiredDataConnectors, List<EntityMapping> entityMappings, Optional<String> version) {
    public HuntingQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(query, "query");
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        requiredDataConnectors = List.copyOf(requiredDataConnectors);
        entityMappings = List.copyOf(entityMappings);
        Objects.requireNonNull(version, "version");
    }

    /**
     * The query as it runs over {@code window}: Sentinel's hunting queries may name the window the
     * analyst picked as {@code {{StartTimeISO}}} and {@code {{EndTimeISO}}}, which it fills in.
     */
    public String textFor(HuntingWindow window) {
        return query.replace("{{StartTimeISO}}", window.start().toString()).replace("{{EndTimeISO}}", window.end().toString());
    }
}
