package dev.vigil.kql.syntax;

/** A statement of a query, separated from the next by {@code ;}. */
public sealed interface Statement permits QueryStatement, LetStatement, SetStatement {
    Span span();

    /** Calls the method of {@code visitor} for this type. */
    <R> R accept(StatementVisitor<R> visitor);
}
