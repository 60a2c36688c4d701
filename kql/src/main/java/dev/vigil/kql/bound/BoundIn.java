package dev.vigil.kql.bound;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * {@code value in (candidates)}, negated for {@code !in}; case-sensitive for strings unless
 * {@code ignoreCase} ({@code in~}). A dynamic candidate is an array whose elements all count.
 */
public record BoundIn(BoundExpression value, boolean negated, boolean ignoreCase, List<BoundExpression> candidates)
        implements BoundExpression {
    public BoundIn {
        candidates = List.copyOf(candidates);
    }

    @Override
    public KqlType type() {
        return KqlType.BOOL;
    }

    @Override
    public <R> R accept(BoundExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
