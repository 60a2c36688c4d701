package dev.vigil.kql.syntax;

/** {@code *min..max} of a variable-length edge. */
public record EdgeLength(Expression min, Expression max, Span span) {
}
