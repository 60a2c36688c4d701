package dev.vigil.kql.syntax;

import java.util.Objects;

/**
 * A literal as parsed.
 *
 * @param value {@link Boolean}, {@link Integer} for int, {@link Long}, {@link Double}, {@link java.math.BigDecimal}
 *     for decimal, {@link String} (also a guid's canonical text), a
 *     {@link java.time.Instant} for datetime, a {@link Long} of 100-nanosecond ticks for timespan,
 *     and for dynamic its JSON text
 */
public record LiteralExpression(LiteralKind kind, Object value, Span span) implements Expression {
    public LiteralExpression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
