package dev.vigil.kql.syntax;

import java.util.Optional;

/**
 * An edge of a graph pattern: {@code -->}, {@code <--}, {@code --}, or bracketed with a name and a length range
 * ({@code -[e*1..3]->}). Without a range the edge is one edge long.
 */
public record EdgePattern(Optional<Identifier> name, EdgeDirection direction, Optional<EdgeLength> length, Span span) {
}
