package dev.vigil.kql.syntax;

/** A typed null such as {@code datetime(null)}, {@code long(null)} or {@code guid(null)}. */
public record NullLiteral(LiteralKind kind, Span span) implements Expression {
}
