package dev.vigil.kql.syntax;

/** A name as written where a name is declared, e.g. the left side of {@code Name = expr}. */
public record Identifier(String name, Span span) {
}
