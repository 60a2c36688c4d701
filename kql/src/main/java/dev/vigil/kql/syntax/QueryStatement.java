package dev.vigil.kql.syntax;

/** A tabular expression whose result is the query's result. */
public record QueryStatement(PipeExpression pipe, Span span) implements Statement {
}
