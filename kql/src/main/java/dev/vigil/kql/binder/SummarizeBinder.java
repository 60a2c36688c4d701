package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.SummarizeOperator;
import java.util.ArrayList;
import java.util.List;

/** {@code summarize aggregates by groups}: output columns are the groups, then the aggregates. */
final class SummarizeBinder {
    private SummarizeBinder() {
    }

    static LogicalOperator bind(SummarizeOperator summarize, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        ColumnNames names = new ColumnNames();
        // explicit names are reserved first so that implicit ones step around them
        summarize.groups().forEach(g -> g.name().ifPresent(n -> names.take(n.name())));
        summarize.aggregates().forEach(a -> a.name().ifPresent(n -> names.take(n.name())));
        List<OutputColumn> groups = new ArrayList<>();
        for (ColumnAssignment group : summarize.groups()) {
            BoundExpression expression = ExpressionBinder.bindScalar(group.expression(), scope);
            groups.add(new OutputColumn(name(group, names), expression));
        }
        List<OutputColumn> aggregates = new ArrayList<>();
        for (ColumnAssignment aggregate : summarize.aggregates()) {
            if (MultiColumnAggregates.handles(aggregate)) {
                aggregates.addAll(MultiColumnAggregates.bind(aggregate, scope, input.schema(), groups, names));
                continue;
            }
            BoundExpression expression = ExpressionBinder.bindAggregate(aggregate.expression(), scope);
            if (!(expression instanceof BoundCall call && call.containsAggregate())) {
                throw new DiagnosticException(DiagnosticFacts.aggregateExpected(), aggregate.expression().span());
            }
            aggregates.add(new OutputColumn(name(aggregate, names), expression));
        }
        return new Aggregate(input, groups, aggregates);
    }

    private static String name(ColumnAssignment assignment, ColumnNames names) {
        return assignment.name().map(n -> n.name()).orElseGet(() -> names.nameFor(assignment.expression()));
    }
}
