package dev.vigil.kql.syntax;

/** A scalar expression as written. Syntax nodes are immutable and never carry types. */
public sealed interface Expression
        permits NameReference, LiteralExpression, FunctionCall, BinaryExpression, UnaryExpression, InExpression,
        SubqueryExpression, MemberAccess, ElementAccess, BetweenExpression, NullLiteral, AllColumns,
        NamedArgument {
    Span span();

    /** Calls the method of {@code visitor} for this type. */
    <R> R accept(ExpressionVisitor<R> visitor);
}
