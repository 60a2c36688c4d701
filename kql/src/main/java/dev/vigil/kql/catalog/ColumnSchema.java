package dev.vigil.kql.catalog;

import dev.vigil.kql.types.KqlType;
import java.util.Objects;

/** A named, typed column of a table or of a query result. */
public record ColumnSchema(String name, KqlType type) {
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
