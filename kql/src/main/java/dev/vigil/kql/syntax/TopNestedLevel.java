package dev.vigil.kql.syntax;

import java.util.Optional;

/**
 * One level of {@code top-nested}: {@code [n] of [Name =] key [with others = v] by [Name =] aggregate [asc|desc]}.
 *
 * @param count empty for all values of the level
 */
public record TopNestedLevel(Optional<Expression> count, ColumnAssignment key, Optional<Expression> others,
                             ColumnAssignment aggregate, boolean ascending, Span span) {
}
