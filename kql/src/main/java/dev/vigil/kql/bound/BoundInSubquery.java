package dev.vigil.kql.bound;

import dev.vigil.kql.types.KqlType;

/** {@code value in (table)}: whether the value is among the first column's values; negated for {@code !in}. */
public record BoundInSubquery(BoundExpression value, boolean negated, TabularValue table, String column) implements BoundExpression {
    @Override
    public KqlType type() {
        return KqlType.BOOL;
    }

    @Override
    public <R> R accept(BoundExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
