package dev.vigil.kql.syntax;

import java.util.List;

/** The whole query text: statements separated by {@code ;}. */
public record Query(List<Statement> statements, Span span) {
    public Query {
        statements = List.copyOf(statements);
    }
}
