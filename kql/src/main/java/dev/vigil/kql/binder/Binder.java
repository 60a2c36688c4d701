package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.CountOperator;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.ProjectOperator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.SortOperator;
import dev.vigil.kql.syntax.Statement;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TakeOperator;
import dev.vigil.kql.syntax.TopOperator;
import dev.vigil.kql.syntax.WhereOperator;
import java.util.Optional;

/**
 * Turns a syntax tree into a typed logical plan, resolving names against the catalog. The syntax
 * tree is left as it is. Stops at the first semantic error with a {@link DiagnosticException}.
 */
public final class Binder {
    private Binder() {
    }

    public static LogicalOperator bind(Query query, Catalog catalog, Optional<TimeFilter> timeFilter) {
        if (query.statements().size() > 1) {
            Statement extra = query.statements().get(1);
            throw new DiagnosticException(DiagnosticFacts.oneResultOnly(), extra.span());
        }
        Statement statement = query.statements().get(0);
        if (statement instanceof QueryStatement queryStatement) {
            return bindPipe(queryStatement.pipe(), catalog, timeFilter);
        }
        throw new IllegalStateException("statement kind " + statement.getClass().getSimpleName());
    }

    private static LogicalOperator bindPipe(PipeExpression pipe, Catalog catalog, Optional<TimeFilter> timeFilter) {
        LogicalOperator current = TableBinder.bind(pipe.source(), catalog, timeFilter);
        for (QueryOperator operator : pipe.operators()) {
            current = bindOperator(operator, current);
        }
        return current;
    }

    /** One line per operator; each operator's binding lives in its own class. */
    private static LogicalOperator bindOperator(QueryOperator operator, LogicalOperator input) {
        if (operator instanceof WhereOperator where) {
            return WhereBinder.bind(where, input);
        }
        if (operator instanceof ProjectOperator project) {
            return ProjectBinder.bind(project, input);
        }
        if (operator instanceof ExtendOperator extend) {
            return ExtendBinder.bind(extend, input);
        }
        if (operator instanceof TakeOperator take) {
            return TakeBinder.bind(take, input);
        }
        if (operator instanceof CountOperator count) {
            return CountBinder.bind(count, input);
        }
        if (operator instanceof SummarizeOperator summarize) {
            return SummarizeBinder.bind(summarize, input);
        }
        if (operator instanceof SortOperator sort) {
            return SortBinder.bind(sort, input);
        }
        if (operator instanceof TopOperator top) {
            return TopBinder.bind(top, input);
        }
        throw new IllegalStateException("no binder for " + operator.getClass().getSimpleName());
    }
}
