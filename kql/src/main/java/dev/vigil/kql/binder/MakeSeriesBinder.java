package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.MakeSeries;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.SeriesAggregate;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.MakeSeriesAggregate;
import dev.vigil.kql.syntax.MakeSeriesOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code make-series}: the group columns, then one dynamic array per aggregate, then the axis
 * array named after the axis column. The axis is a datetime or timespan with a timespan step, or a
 * number with a numeric step; {@code from} and {@code to} have the axis type. Aggregates must give
 * numbers; bins without rows hold the aggregate's default, 0 unless given.
 */
final class MakeSeriesBinder {
    private MakeSeriesBinder() {
    }

    static LogicalOperator bind(MakeSeriesOperator operator, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        Scope constants = Scope.of(List.of(), environment);
        BoundExpression axis = ExpressionBinder.bindScalar(operator.axis(), scope);
        BoundExpression step = ExpressionBinder.bindScalar(operator.step(), constants);
        KqlType axisType = axis.type();
        boolean temporal = axisType == KqlType.DATETIME || axisType == KqlType.TIMESPAN;
        boolean numeric = axisType.isNumeric() && axisType != KqlType.DECIMAL;
        if (!(temporal && step.type() == KqlType.TIMESPAN) && !(numeric && step.type().isNumeric() && step.type() != KqlType.DECIMAL)) {
            throw new DiagnosticException(DiagnosticFacts.seriesAxisTypes(axisType, step.type()), operator.step().span());
        }
        if (numeric) {
            KqlType wide = axisType == KqlType.REAL || step.type() == KqlType.REAL ? KqlType.REAL : KqlType.LONG;
            axis = Conversions.to(wide, axis);
            step = Conversions.to(wide, step);
        }
        Optional<BoundExpression> from = bound("from", operator.from(), axis.type(), constants);
        Optional<BoundExpression> to = bound("to", operator.to(), axis.type(), constants);

        ColumnNames names = new ColumnNames();
        operator.groups().forEach(g -> g.name().ifPresent(n -> names.take(n.name())));
        operator.aggregates().forEach(a -> a.aggregate().name().ifPresent(n -> names.take(n.name())));
        List<OutputColumn> groups = new ArrayList<>();
        for (ColumnAssignment group : operator.groups()) {
            groups.add(new OutputColumn(name(group, names), ExpressionBinder.bindScalar(group.expression(), scope)));
        }
        List<SeriesAggregate> aggregates = new ArrayList<>();
        for (MakeSeriesAggregate item : operator.aggregates()) {
            Expression syntax = item.aggregate().expression();
            BoundExpression aggregate = ExpressionBinder.bindAggregate(syntax, scope);
            if (!(aggregate instanceof BoundCall call && call.containsAggregate())) {
                throw new DiagnosticException(DiagnosticFacts.aggregateExpected(), syntax.span());
            }
            if (!aggregate.type().isNumeric() && aggregate.type() != KqlType.BOOL) {
                throw new DiagnosticException(DiagnosticFacts.seriesAggregateNotNumeric(aggregate.type()), syntax.span());
            }
            if (aggregate.type() == KqlType.DECIMAL || aggregate.type() == KqlType.BOOL) {
                aggregate = Conversions.to(aggregate.type() == KqlType.BOOL ? KqlType.LONG : KqlType.REAL, aggregate);
            }
            aggregates.add(new SeriesAggregate(name(item.aggregate(), names), aggregate, defaultValue(item, aggregate.type(), scope)));
        }
        String axisName = ColumnNames.implicitName(operator.axis()).filter(n -> !names.isTaken(n))
                .orElseGet(() -> names.nameFor(operator.axis()));
        BoundExpression axisText = ExpressionBinder.bindScalar(KqlParser.parseExpression("tostring(" + MakeSeries.AXIS_VALUE + ")"),
                Scope.of(List.of(new ColumnSchema(MakeSeries.AXIS_VALUE, axis.type()))));
        return new MakeSeries(input, groups, aggregates, axis, axisName, from, to, step, axisText, operator.nonEmpty());
    }

    private static Optional<BoundExpression> bound(String which, Optional<Expression> syntax, KqlType axisType, Scope constants) {
        if (syntax.isEmpty()) {
            return Optional.empty();
        }
        BoundExpression value = ExpressionBinder.bindScalar(syntax.get(), constants);
        boolean fits = value.type() == axisType || (axisType.isNumeric() && value.type().isNumeric() && value.type() != KqlType.DECIMAL);
        if (!fits) {
            throw new DiagnosticException(DiagnosticFacts.seriesBoundType(which, axisType, value.type()), syntax.get().span());
        }
        return Optional.of(Conversions.to(axisType, value));
    }

    /** The value of bins without rows: the given constant, or 0 of the aggregate's type. */
    private static BoundExpression defaultValue(MakeSeriesAggregate item, KqlType type, Scope scope) {
        if (item.defaultValue().isEmpty()) {
            return BoundLiteral.of(type == KqlType.REAL ? (Object) 0.0 : type == KqlType.INT ? (Object) 0 : (Object) 0L, type);
        }
        Expression syntax = item.defaultValue().get();
        BoundExpression value = ExpressionBinder.bindScalar(syntax, scope);
        if (!(value instanceof BoundLiteral)) {
            throw new DiagnosticException(DiagnosticFacts.constantExpected(), syntax.span());
        }
        if (!value.type().isNumeric() && value.type() != KqlType.BOOL) {
            throw new DiagnosticException(DiagnosticFacts.seriesDefaultType(type, value.type()), syntax.span());
        }
        return Conversions.to(value.type() == KqlType.REAL ? KqlType.REAL : type, value);
    }

    private static String name(ColumnAssignment assignment, ColumnNames names) {
        return assignment.name().map(n -> n.name()).orElseGet(() -> names.nameFor(assignment.expression()));
    }
}
