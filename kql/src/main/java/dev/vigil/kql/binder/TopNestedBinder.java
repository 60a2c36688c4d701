package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.NestedLevel;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.TopNested;
import dev.vigil.kql.syntax.TopNestedLevel;
import dev.vigil.kql.syntax.TopNestedOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code top-nested}: each level's value is named like a {@code summarize} group ({@code Name =}
 * or the column's name), its aggregate {@code Name =} or {@code aggregated_<value name>}. Values
 * are ranked by the aggregate, descending unless {@code asc}; {@code with others = v} adds, per
 * parent, a row with key {@code v} aggregating the values not kept.
 */
final class TopNestedBinder {
    private TopNestedBinder() {
    }

    static LogicalOperator bind(TopNestedOperator operator, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        ColumnNames names = new ColumnNames();
        List<OutputColumn> withKeys = new ArrayList<>();
        input.schema().forEach(c -> withKeys.add(ProjectAwayBinder.same(c)));
        List<NestedLevel> levels = new ArrayList<>();
        List<ColumnSchema> columns = new ArrayList<>();
        for (TopNestedLevel level : operator.levels()) {
            Optional<Long> count = level.count().map(c -> ExpressionBinder.bindRowCount(c, scope));
            BoundExpression key = ExpressionBinder.bindScalar(level.key().expression(), scope);
            String keyName = level.key().name().map(n -> names.unique(n.name())).orElseGet(() -> names.nameFor(level.key().expression()));
            BoundExpression aggregate = ExpressionBinder.bindAggregate(level.aggregate().expression(), scope);
            if (!(aggregate instanceof BoundCall call && call.containsAggregate())) {
                throw new DiagnosticException(DiagnosticFacts.aggregateExpected(), level.aggregate().expression().span());
            }
            String aggregateName = names.unique(level.aggregate().name().map(n -> n.name()).orElse("aggregated_" + keyName));
            Optional<BoundExpression> others = Optional.empty();
            if (level.others().isPresent()) {
                BoundExpression value = ExpressionBinder.bindScalar(level.others().get(), scope);
                if (!(value instanceof BoundLiteral)) {
                    throw new DiagnosticException(DiagnosticFacts.constantExpected(), level.others().get().span());
                }
                if (value.type() != key.type() && !(value.type().isNumeric() && key.type().isNumeric())) {
                    throw new DiagnosticException(DiagnosticFacts.typeExpected(key.type(), value.type()), level.others().get().span());
                }
                others = Optional.of(Conversions.to(key.type(), value));
            }
            String keyColumn = "__key" + levels.size();
            withKeys.add(new OutputColumn(keyColumn, key));
            levels.add(new NestedLevel(keyName, keyColumn, aggregateName, aggregate, count, others, level.ascending()));
            columns.add(new ColumnSchema(keyName, key.type()));
            columns.add(new ColumnSchema(aggregateName, aggregate.type()));
        }
        return new TopNested(new Project(input, withKeys), levels, columns);
    }
}
