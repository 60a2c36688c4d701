package dev.vigil.kql.syntax;

/** One method per kind of tabular expression, with no defaults: a new kind that a stage does not handle fails to compile. */
public interface TabularExpressionVisitor<R> {
    R visit(TableReference tableReference);

    R visit(TabularFunctionCall tabularFunctionCall);

    R visit(PipeExpression pipeExpression);

    R visit(DatatableExpression datatableExpression);

    R visit(ExternalDataExpression externalDataExpression);

    R visit(PrintExpression printExpression);

    R visit(RangeExpression rangeExpression);

    R visit(UnionExpression unionExpression);

    R visit(SearchExpression searchExpression);

    R visit(FindExpression findExpression);
}
