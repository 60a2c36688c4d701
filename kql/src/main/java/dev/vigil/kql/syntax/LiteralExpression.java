package dev.vigil.kql.syntax;

import java.util.Objects;

/**
 * A literal as parsed.
 *
 * @param value {@link Boolean}, {@link Long}, {@link Double}, {@link String}, a
 *     {@link java.time.Instant} for datetime, a {@link Long} of 100-nanosecond ticks for timespan,
 *     and for dynamic its JSON text
 */
public record LiteralExpression(LiteralKind kind, Object value, Span span) implements Expression {
    public LiteralExpression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
