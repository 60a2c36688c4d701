package dev.vigil.kql.syntax;

/** One method per kind of statement, with no defaults. */
public interface StatementVisitor<R> {
    R visit(QueryStatement queryStatement);

    R visit(LetStatement letStatement);

    R visit(SetStatement setStatement);
}
