package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;

/** A named column computed from the operator's input. */
public record OutputColumn(String name, BoundExpression expression) {
    public ColumnSchema schema() {
        return new ColumnSchema(name, expression.type());
    }
}
