package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.SortDirection;
import dev.vigil.kql.syntax.SortKey;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TopHittersOperator;
import dev.vigil.kql.syntax.TopOperator;
import java.util.List;
import java.util.Optional;

/**
 * {@code top-hitters N of Expr [by SumExpr]}: {@code summarize approximate_count_Expr = count() by Expr} (or
 * {@code approximate_sum_SumExpr = sum(SumExpr)}), then the N largest. The counts are exact here (Kusto's are
 * estimates).
 */
final class TopHittersBinder {
    private TopHittersBinder() {
    }

    static LogicalOperator bind(TopHittersOperator topHitters, LogicalOperator input, Environment environment) {
        Span span = topHitters.span();
        String valueName = ColumnNames.implicitName(topHitters.of()).orElse("Column1");
        String total = topHitters.by()
                .map(by -> "approximate_sum_" + ColumnNames.implicitName(by).orElse("Column1"))
                .orElse("approximate_count_" + valueName);
        FunctionCall aggregate = topHitters.by()
                .map(by -> new FunctionCall("sum", span, List.of(by), span))
                .orElseGet(() -> new FunctionCall("count", span, List.of(), span));
        SummarizeOperator summarize = new SummarizeOperator(
                List.of(new ColumnAssignment(Optional.of(new Identifier(total, span)), List.of(), aggregate, span)),
                List.of(new ColumnAssignment(Optional.empty(), List.of(), topHitters.of(), topHitters.of().span())), span);
        TopOperator top = new TopOperator(topHitters.count(),
                new SortKey(new NameReference(total, span), Optional.of(SortDirection.DESCENDING), Optional.empty(), span), span);
        return TopBinder.bind(top, SummarizeBinder.bind(summarize, input, environment), environment);
    }
}
