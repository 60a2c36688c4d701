package dev.vigil.kql.syntax;

/** A tabular expression whose result is a result of the query. */
public record QueryStatement(PipeExpression pipe, Span span) implements Statement {
}
