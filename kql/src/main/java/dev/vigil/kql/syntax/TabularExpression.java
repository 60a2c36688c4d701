package dev.vigil.kql.syntax;

/**
 * An expression whose value is a table: a table or let name, a call of a tabular function, a pipe,
 * or one of the operators that start a pipe without input ({@code datatable}, {@code externaldata}, {@code print},
 * {@code range}, {@code union}, {@code search}, {@code find}).
 */
public sealed interface TabularExpression
        permits TableReference, TabularFunctionCall, PipeExpression, DatatableExpression, ExternalDataExpression, PrintExpression,
        RangeExpression, UnionExpression, SearchExpression, FindExpression {
    Span span();

    /** Calls the method of {@code visitor} for this type. */
    <R> R accept(TabularExpressionVisitor<R> visitor);
}
