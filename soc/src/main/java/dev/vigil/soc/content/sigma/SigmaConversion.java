package dev.vigil.soc.content.sigma;

import dev.vigil.soc.rule.EntityMapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma rule as a Scheduled rule's parts: what describes it and the KQL query its detection became.
 *
 * @param severity Sentinel's severity name for the rule's {@code level}
 * @param version the rule's {@code modified} (or {@code date}) as a dotted version, so that a newer file updates the rule
 */
public record SigmaConversion(String id, String title, String description, String severity, List<String> tactics, List<String> techniques,
                              String table, String query, List<EntityMapping> entityMappings, Optional<String> version) {
    public SigmaConversion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(query, "query");
        entityMappings = List.copyOf(entityMappings);
        Objects.requireNonNull(version, "version");
    }
}
