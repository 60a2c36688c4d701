package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;

/**
 * One output column of a join: a column of one side under its output name (right-side names that
 * clash with left ones get a number appended).
 */
public record JoinColumn(boolean fromLeft, String source, String name, KqlType type) {
    public ColumnSchema schema() {
        return new ColumnSchema(name, type);
    }
}
