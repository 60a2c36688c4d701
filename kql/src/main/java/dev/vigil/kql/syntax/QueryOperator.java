package dev.vigil.kql.syntax;

/** A tabular operator after a pipe. One record per operator. */
public sealed interface QueryOperator
        permits WhereOperator, ProjectOperator, ExtendOperator, TakeOperator, CountOperator, SummarizeOperator,
        SortOperator, TopOperator {
    Span span();
}
