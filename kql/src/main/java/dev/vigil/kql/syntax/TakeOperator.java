package dev.vigil.kql.syntax;

/** {@code take n} (also spelled {@code limit}). */
public record TakeOperator(Expression count, Span span) implements QueryOperator {
}
