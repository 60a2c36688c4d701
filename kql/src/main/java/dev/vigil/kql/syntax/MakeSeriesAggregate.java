package dev.vigil.kql.syntax;

import java.util.Optional;

/** One aggregate of {@code make-series}: {@code [Name =] aggregate [default = constant]}. */
public record MakeSeriesAggregate(ColumnAssignment aggregate, Optional<Expression> defaultValue) {
}
