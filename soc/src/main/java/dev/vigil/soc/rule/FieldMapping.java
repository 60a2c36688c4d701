package dev.vigil.soc.rule;

import java.util.Objects;

/** One identifier of an entity taken from a column of the query's results. */
public record FieldMapping(String identifier, String columnName) {
    public FieldMapping {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(columnName, "columnName");
    }
}
