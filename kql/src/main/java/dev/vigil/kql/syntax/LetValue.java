package dev.vigil.kql.syntax;

/** What a {@code let} binds: an expression (scalar, or a name or call the binder finds to be tabular), a table, or a function. */
public sealed interface LetValue permits LetExpression, LetTabular, FunctionDefinition {
    Span span();
}
