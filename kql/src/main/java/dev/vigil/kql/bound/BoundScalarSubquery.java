package dev.vigil.kql.bound;

import dev.vigil.kql.types.KqlType;

/** {@code toscalar(table)}: the first column of the table's first row, or null when it has no rows. */
public record BoundScalarSubquery(TabularValue table, String column, KqlType type) implements BoundExpression {
    @Override
    public <R> R accept(BoundExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
