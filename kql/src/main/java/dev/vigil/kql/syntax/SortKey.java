package dev.vigil.kql.syntax;

import java.util.Optional;

/** {@code expression [asc|desc] [nulls first|nulls last]}, options kept as written (absent when not written). */
public record SortKey(Expression expression, Optional<SortDirection> direction, Optional<NullsPlacement> nulls, Span span) {
}
