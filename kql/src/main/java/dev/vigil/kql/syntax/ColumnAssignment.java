package dev.vigil.kql.syntax;

import java.util.Optional;

/** One item of {@code project}, {@code extend} or {@code summarize}: {@code [Name =] expression}. */
public record ColumnAssignment(Optional<Identifier> name, Expression expression, Span span) {
}
