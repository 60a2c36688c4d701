package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Pivot;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code evaluate pivot(Column [, Aggregate] [, GroupColumn, ...]) [: (Value:type, ...)]}: the
 * aggregate ({@code count()} unless given) per group and value of the pivot column. As in Kusto,
 * there is a column per value found in the data, sorted by name, found by a schema probe before
 * the query is compiled again; declared value columns are used instead when given (declared
 * columns that are group columns are just the groups). Without group
 * columns, the groups are all the input columns other than the pivot column and those the
 * aggregate reads, as in Kusto.
 */
final class PivotBinder {
    private PivotBinder() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        FunctionCall plugin = evaluate.plugin();
        if (plugin.arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast("pivot", 1), plugin.span());
        }
        Scope scope = Scope.of(input.schema(), environment);
        Expression keySyntax = plugin.arguments().get(0);
        BoundExpression key = ExpressionBinder.bindScalar(keySyntax, scope);
        int next = 1;
        BoundExpression aggregate = ExpressionBinder.bindAggregate(KqlParser.parseExpression("count()"), scope);
        if (plugin.arguments().size() > 1 && !(plugin.arguments().get(1) instanceof NameReference)) {
            Expression syntax = plugin.arguments().get(1);
            aggregate = ExpressionBinder.bindAggregate(syntax, scope);
            if (!(aggregate instanceof BoundCall call && call.containsAggregate())) {
                throw new DiagnosticException(DiagnosticFacts.aggregateExpected(), syntax.span());
            }
            next = 2;
        }
        Set<String> used = new HashSet<>();
        if (key instanceof BoundColumn column) {
            used.add(column.name());
        }
        collectColumns(aggregate, used);
        List<ColumnSchema> groups = new ArrayList<>();
        for (Expression argument : plugin.arguments().subList(next, plugin.arguments().size())) {
            BoundExpression group = ExpressionBinder.bindScalar(argument, scope);
            if (!(group instanceof BoundColumn column)) {
                throw new DiagnosticException(DiagnosticFacts.columnNameExpected(), argument.span());
            }
            groups.add(new ColumnSchema(column.name(), column.type()));
        }
        if (next == plugin.arguments().size()) {
            input.schema().stream().filter(c -> !used.contains(c.name())).forEach(groups::add);
        }
        BoundExpression keyText = Conversions.to(KqlType.STRING, key);
        List<ColumnSchema> candidates;
        if (evaluate.outputSchema().isPresent()) {
            candidates = evaluate.outputSchema().get().stream()
                    .map(declared -> new ColumnSchema(declared.name().name(), Types.resolve(declared.typeName(), declared.typeSpan())))
                    .toList();
        } else {
            candidates = EvaluateBinder.discovered(evaluate, input, keyText, Optional.of(aggregate.type()), environment);
        }
        List<ColumnSchema> values = new ArrayList<>();
        for (ColumnSchema candidate : candidates) {
            if (groups.stream().noneMatch(g -> g.name().equals(candidate.name()))) {
                values.add(candidate);
            }
        }
        return new Pivot(input, keyText, aggregate, groups, values);
    }

    private static void collectColumns(BoundExpression expression, Set<String> names) {
        if (expression instanceof BoundColumn column) {
            names.add(column.name());
        } else if (expression instanceof BoundCall call) {
            call.arguments().forEach(a -> collectColumns(a, names));
        }
    }
}
