package dev.vigil.soc.content.sigma;

import dev.vigil.soc.rule.EntityMapping;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one Sigma log source lives in a workspace: its table, the column each Sigma field is in
 * (a field not listed keeps its name), the column keywords are searched in, and the entities the
 * converted rule maps.
 */
record LogSourceMapping(String name, LogSource logSource, String table, Map<String, String> fields, Optional<String> keywordField,
                        List<EntityMapping> entityMappings) {
    LogSourceMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(logSource, "logSource");
        Objects.requireNonNull(table, "table");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(keywordField, "keywordField");
        entityMappings = List.copyOf(entityMappings);
    }

    String column(String sigmaField) {
        return fields.getOrDefault(sigmaField, sigmaField);
    }
}
