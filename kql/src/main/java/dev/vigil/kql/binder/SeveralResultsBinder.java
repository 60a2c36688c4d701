package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.AsOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.FacetOperator;
import dev.vigil.kql.syntax.ForkBranch;
import dev.vigil.kql.syntax.ForkOperator;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TabularExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code fork}, {@code facet}, {@code evaluate funnel_sequence} and {@code evaluate preview}, which end a tabular statement with several
 * results: each result is a plan of its own over the same input plan, so each reads the input again (the workspace
 * runs them in one snapshot).
 */
final class SeveralResultsBinder {
    /** The name Kusto gives a result table that has none of its own. */
    static final String UNNAMED = "GenericResult";
    /** The plugins that make several tables. */
    private static final java.util.Set<String> SEVERAL_TABLE_PLUGINS = java.util.Set.of(FunnelSequencePlugin.NAME, PreviewPlugin.NAME);

    private SeveralResultsBinder() {
    }

    /** Whether {@code operator} gives several results and so must be bound here, as the end of a statement. */
    static boolean givesSeveralResults(QueryOperator operator) {
        return operator instanceof ForkOperator || operator instanceof FacetOperator
                || operator instanceof EvaluateOperator evaluate && SEVERAL_TABLE_PLUGINS.contains(evaluate.plugin().name());
    }

    static List<StatementResult> bind(QueryOperator operator, LogicalOperator input, Environment environment) {
        if (operator instanceof ForkOperator fork) {
            return fork(fork, input, environment);
        }
        if (operator instanceof EvaluateOperator evaluate) {
            // the plugins' tables have no names of their own: the query names them Table_N by position
            List<LogicalOperator> plans = evaluate.plugin().name().equals(PreviewPlugin.NAME)
                    ? PreviewPlugin.bind(evaluate, input, environment)
                    : FunnelSequencePlugin.bind(evaluate, input, environment);
            return plans.stream().map(plan -> StatementResult.part(Optional.empty(), plan)).toList();
        }
        return facet((FacetOperator) operator, input, environment);
    }

    /** A result per subquery, named by {@code Name =}, else by the subquery's final {@code as}, else GenericResult, GenericResult_1, ... */
    private static List<StatementResult> fork(ForkOperator fork, LogicalOperator input, Environment environment) {
        List<StatementResult> results = new ArrayList<>();
        int unnamed = 0;
        for (ForkBranch branch : fork.branches()) {
            LogicalOperator plan = TabularBinder.bindOverRows(branch.subquery(), input, environment);
            Optional<String> name = branch.name().map(Identifier::name).or(() -> finalAs(branch.subquery()));
            if (name.isEmpty()) {
                name = Optional.of(unnamed == 0 ? UNNAMED : UNNAMED + "_" + unnamed);
                unnamed++;
            }
            results.add(StatementResult.part(name, plan));
        }
        return results;
    }

    /** The {@code with} subquery's table first, then per column {@code Column, count_Column}, named after the column. */
    private static List<StatementResult> facet(FacetOperator facet, LogicalOperator input, Environment environment) {
        List<StatementResult> results = new ArrayList<>();
        facet.with().ifPresent(with -> results.add(StatementResult.part(Optional.of(UNNAMED), TabularBinder.bindOverRows(with, input, environment))));
        for (Identifier column : facet.columns()) {
            // written as the summarize it means, so that a missing column is reported as summarize reports it, at the name
            ColumnAssignment count = new ColumnAssignment(Optional.of(new Identifier("count_" + column.name(), column.span())), List.of(),
                    new FunctionCall("count", column.span(), List.of(), column.span()), column.span());
            ColumnAssignment group = new ColumnAssignment(Optional.empty(), List.of(), new NameReference(column.name(), column.span()),
                    column.span());
            SummarizeOperator summarize = new SummarizeOperator(List.of(count), List.of(group), column.span());
            results.add(StatementResult.part(Optional.of(column.name()), Binder.bindOperator(summarize, input, environment)));
        }
        return results;
    }

    /** The name a pipe's last operator {@code as} gives its output, if it ends so. */
    static Optional<String> finalAs(TabularExpression subquery) {
        if (subquery instanceof PipeExpression pipe && !pipe.operators().isEmpty()
                && pipe.operators().get(pipe.operators().size() - 1) instanceof AsOperator as) {
            return Optional.of(as.name().name());
        }
        return Optional.empty();
    }
}
