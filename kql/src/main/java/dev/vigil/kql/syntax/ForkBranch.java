package dev.vigil.kql.syntax;

import java.util.Optional;

/**
 * One subquery of {@code fork}, over the fork's input rows.
 *
 * @param name the result table's name given by {@code Name = (...)}, if any
 */
public record ForkBranch(Optional<Identifier> name, TabularExpression subquery, Span span) {
}
