package dev.vigil.kql.bound;

import dev.vigil.kql.types.KqlType;
import java.util.Objects;
import java.util.Optional;

/**
 * A constant. Values are {@link Boolean}, {@link Integer} (int), {@link Long} (long, and timespan
 * ticks), {@link Double}, {@link String} (string, and dynamic JSON text), {@link java.time.Instant}.
 */
public record BoundLiteral(Optional<Object> value, KqlType type) implements BoundExpression {
    public BoundLiteral {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    public static BoundLiteral of(Object value, KqlType type) {
        return new BoundLiteral(Optional.of(value), type);
    }

    /** Kusto's empty value of a type, as a column a row lacks holds: the empty string for strings (never null), else null. */
    public static BoundLiteral emptyOf(KqlType type) {
        return type == KqlType.STRING ? of("", KqlType.STRING) : new BoundLiteral(Optional.empty(), type);
    }

    @Override
    public <R> R accept(BoundExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
