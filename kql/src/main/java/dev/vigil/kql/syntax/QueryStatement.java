package dev.vigil.kql.syntax;

/** A tabular expression whose result is a result of the query. */
public record QueryStatement(PipeExpression pipe, Span span) implements Statement {
    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
