package dev.vigil.kql.syntax;

/** A statement of a query, separated from the next by {@code ;}. */
public sealed interface Statement permits QueryStatement, LetStatement, SetStatement {
    Span span();
}
