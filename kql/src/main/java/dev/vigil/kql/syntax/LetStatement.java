package dev.vigil.kql.syntax;

/** {@code let Name = value}: a scalar, a table, or a function, visible to the statements after it. */
public record LetStatement(Identifier name, LetValue value, Span span) implements Statement {
    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
