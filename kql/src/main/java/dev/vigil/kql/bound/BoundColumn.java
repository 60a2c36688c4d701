package dev.vigil.kql.bound;

import dev.vigil.kql.types.KqlType;

/** A column of the operator's input. */
public record BoundColumn(String name, KqlType type) implements BoundExpression {
    @Override
    public <R> R accept(BoundExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
