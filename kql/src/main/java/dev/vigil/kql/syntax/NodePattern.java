package dev.vigil.kql.syntax;

import java.util.Optional;

/** {@code (name)} or {@code ()} in a graph pattern. */
public record NodePattern(Optional<Identifier> name, Span span) {
}
