package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * One item of {@code project}, {@code extend} or {@code summarize}: {@code [Name =] expression}, or
 * in {@code extend} {@code (Name1, Name2, ...) = expression} for a function giving several columns.
 *
 * @param tupleNames the names of {@code (Name1, Name2, ...) =}; empty otherwise
 */
public record ColumnAssignment(Optional<Identifier> name, List<Identifier> tupleNames, Expression expression, Span span) {
    public ColumnAssignment {
        tupleNames = List.copyOf(tupleNames);
    }

    public ColumnAssignment(Optional<Identifier> name, Expression expression, Span span) {
        this(name, List.of(), expression, span);
    }
}
