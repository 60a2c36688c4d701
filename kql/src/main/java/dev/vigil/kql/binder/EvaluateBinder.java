package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code evaluate bag_unpack(Column [, prefix]) [: (Name:type, ...)]}: the bag's top-level
 * properties become columns. Declared columns are used as declared. Without a declaration the
 * properties are found in the data by a schema probe (their names sorted, each typed by its JSON
 * values as Kusto does), and the query is compiled again with them. The input columns stay, except
 * the unpacked one; a column that the input already has keeps the input's values.
 */
final class EvaluateBinder {
    private EvaluateBinder() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        FunctionCall plugin = evaluate.plugin();
        if (!EvaluatePlugins.supported().containsKey(plugin.name())) {
            throw new DiagnosticException(DiagnosticFacts.unknownPlugin(plugin.name()), plugin.nameSpan());
        }
        switch (plugin.name()) {
            case "pivot":
                return PivotBinder.bind(evaluate, input, environment);
            case AddressLookupBinder.IPV4:
            case AddressLookupBinder.IPV6:
                return AddressLookupBinder.bind(evaluate, input, environment);
            case NarrowPlugin.NAME:
                return NarrowPlugin.bind(evaluate, input, environment);
            case RowsNearPlugin.NAME:
                return RowsNearPlugin.bind(evaluate, input, environment);
            case SlidingWindowCountsPlugin.NAME:
                return SlidingWindowCountsPlugin.bind(evaluate, input, environment);
            case RollingPercentilePlugin.NAME:
                return RollingPercentilePlugin.bind(evaluate, input, environment);
            case ActivityCountsMetricsPlugin.NAME:
                return ActivityCountsMetricsPlugin.bind(evaluate, input, environment);
            case SchemaMergePlugin.NAME:
                return SchemaMergePlugin.bind(evaluate, input, environment);
            case SequenceDetectPlugin.NAME:
                return SequenceDetectPlugin.bind(evaluate, input, environment);
            case ActivityEngagementPlugin.NAME:
                return ActivityEngagementPlugin.bind(evaluate, input, environment);
            case FunnelSequencePlugin.NAME:
            case PreviewPlugin.NAME:
                // StatementBinding binds them where they may be, at the end of a tabular statement: they make several tables
                throw new DiagnosticException(DiagnosticFacts.severalResults("evaluate " + plugin.name()), evaluate.span());
            case FunnelSequenceCompletionPlugin.NAME:
                return FunnelSequenceCompletionPlugin.bind(evaluate, input, environment);
            case DcountIntersectPlugin.NAME:
                return DcountIntersectPlugin.bind(evaluate, input, environment);
            case ActiveUsersCountPlugin.NAME:
                return ActiveUsersCountPlugin.bind(evaluate, input, environment);
            case ActivityMetricsPlugin.NAME:
                return ActivityMetricsPlugin.bind(evaluate, input, environment);
            case NewActivityMetricsPlugin.NAME:
                return NewActivityMetricsPlugin.bind(evaluate, input, environment);
            default:
                break;
        }
        if (plugin.arguments().isEmpty() || plugin.arguments().size() > 2) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount("bag_unpack", List.of(1, 2)), plugin.span());
        }
        Scope scope = Scope.of(input.schema(), environment);
        BoundExpression bag = ExpressionBinder.bindScalar(plugin.arguments().get(0), scope);
        if (bag.type() != KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.dynamicExpected("bag_unpack", bag.type()), plugin.arguments().get(0).span());
        }
        String prefix = "";
        if (plugin.arguments().size() == 2) {
            BoundExpression prefixValue = ExpressionBinder.bindScalar(plugin.arguments().get(1), scope);
            if (!(prefixValue instanceof BoundLiteral literal) || literal.type() != KqlType.STRING || literal.value().isEmpty()) {
                throw new DiagnosticException(DiagnosticFacts.constantExpected(), plugin.arguments().get(1).span());
            }
            prefix = (String) literal.value().get();
        }
        String unpacked = bag instanceof BoundColumn column ? column.name() : null;
        List<OutputColumn> columns = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            if (!column.name().equals(unpacked)) {
                columns.add(ProjectAwayBinder.same(column));
            }
        }
        for (ColumnSchema unpack : unpackedColumns(evaluate, input, bag, prefix, environment)) {
            String name = unpack.name();
            if (columns.stream().anyMatch(c -> c.name().equals(name))) {
                continue;
            }
            String property = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
            columns.add(new OutputColumn(name, Conversions.property(bag, property, unpack.type())));
        }
        return new Project(input, columns);
    }

    /** The declared columns, or those a schema probe found (with the prefix added). */
    private static List<ColumnSchema> unpackedColumns(EvaluateOperator evaluate, LogicalOperator input, BoundExpression bag,
                                                      String prefix, Environment environment) {
        if (evaluate.outputSchema().isPresent()) {
            return evaluate.outputSchema().get().stream()
                    .map(declared -> new ColumnSchema(declared.name().name(), Types.resolve(declared.typeName(), declared.typeSpan())))
                    .toList();
        }
        List<ColumnSchema> discovered = discovered(evaluate, input, bag, Optional.empty(), environment);
        return discovered.stream().map(c -> new ColumnSchema(prefix + c.name(), c.type())).toList();
    }

    /**
     * The columns a schema probe found for this operator; asks for the probe when it has not run.
     * {@code probed} is the value the probe reads from each input row, named {@code __probe}.
     */
    static List<ColumnSchema> discovered(EvaluateOperator evaluate, LogicalOperator input, BoundExpression probed,
                                         Optional<KqlType> valueType, Environment environment) {
        String operator = evaluate.plugin().name();
        String place = environment.placeOf(operator, evaluate.span());
        Optional<List<ColumnSchema>> found = environment.context().discoveredColumns(place);
        if (found.isEmpty()) {
            LogicalOperator values = new Project(input, List.of(new OutputColumn(PROBED_COLUMN, probed)));
            throw new SchemaProbeRequired(place, operator, values, valueType);
        }
        if (found.get().size() > SchemaProbeRequired.MAX_COLUMNS) {
            throw new DiagnosticException(DiagnosticFacts.tooManyDiscoveredColumns(operator, SchemaProbeRequired.MAX_COLUMNS),
                    evaluate.plugin().span());
        }
        return found.get();
    }

    /** The one column of a probe's input. */
    static final String PROBED_COLUMN = "__probe";
}
