package dev.vigil.kql.binder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code evaluate bag_unpack(Column [, OutputColumnPrefix [, columnsConflict [, ignoredProperties]]]) [: (Name:type, ...)]}
 * (the options also by name): the bag's top-level properties become columns, but the ignored ones. Declared columns are used as declared. Without a declaration the
 * properties are found in the data by a schema probe (their names sorted, each typed by its JSON
 * values as Kusto does), and the query is compiled again with them. The input columns stay, except
 * the unpacked one; a column that the input already has keeps the input's values ({@code keep_source}, also where Kusto's
 * default {@code error} would fail the query), or, with {@code replace_source}, gives way to the unpacked one.
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
        List<Expression> arguments = plugin.arguments();
        if (arguments.isEmpty() || arguments.size() > 1 + OPTIONS.size()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount("bag_unpack", List.of(1, 2, 3, 4)), plugin.span());
        }
        Scope scope = Scope.of(input.schema(), environment);
        BoundExpression bag = ExpressionBinder.bindScalar(arguments.get(0), scope);
        if (bag.type() != KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.dynamicExpected("bag_unpack", bag.type()), arguments.get(0).span());
        }
        // the options come in order (prefix, columnsConflict, ignoredProperties) or by name
        Map<String, Expression> options = new HashMap<>();
        for (int i = 1; i < arguments.size(); i++) {
            Expression argument = arguments.get(i);
            if (argument instanceof NamedArgument named) {
                String option = OPTIONS.stream().filter(o -> o.equalsIgnoreCase(named.name().name())).findFirst()
                        .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.namedArgumentNotAllowed(named.name().name()), named.span()));
                options.put(option, named.value());
            } else {
                options.put(OPTIONS.get(i - 1), argument);
            }
        }
        String prefix = options.containsKey(PREFIX) ? constantString(options.get(PREFIX), scope) : "";
        String conflict = options.containsKey(CONFLICT) ? constantString(options.get(CONFLICT), scope) : KEEP_SOURCE;
        if (!conflict.equals(KEEP_SOURCE) && !conflict.equals(REPLACE_SOURCE) && !conflict.equals("error")) {
            throw new DiagnosticException(DiagnosticFacts.constantExpected(), options.get(CONFLICT).span());
        }
        Set<String> ignored = options.containsKey(IGNORED) ? ignoredProperties(options.get(IGNORED), scope) : Set.of();
        String unpacked = bag instanceof BoundColumn column ? column.name() : null;
        List<ColumnSchema> unpackedColumns = unpackedColumns(evaluate, input, bag, prefix, environment).stream()
                .filter(c -> !ignored.contains(c.name().startsWith(prefix) ? c.name().substring(prefix.length()) : c.name())).toList();
        Set<String> unpackedNames = new HashSet<>(unpackedColumns.stream().map(ColumnSchema::name).toList());
        // an input column that a property also names takes the property's place, with the input's values (keep_source) or
        // the property's (replace_source), as Kusto orders them
        List<OutputColumn> columns = new ArrayList<>();
        Map<String, ColumnSchema> conflicting = new HashMap<>();
        for (ColumnSchema column : input.schema()) {
            if (unpackedNames.contains(column.name()) && !column.name().equals(unpacked)) {
                conflicting.put(column.name(), column);
            } else if (!column.name().equals(unpacked)) {
                columns.add(ProjectAwayBinder.same(column));
            }
        }
        for (ColumnSchema unpack : unpackedColumns) {
            String name = unpack.name();
            if (conflicting.containsKey(name) && !conflict.equals(REPLACE_SOURCE)) {
                columns.add(ProjectAwayBinder.same(conflicting.get(name)));
                continue;
            }
            String property = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
            columns.add(new OutputColumn(name, Conversions.property(bag, property, unpack.type())));
        }
        return new Project(input, columns);
    }

    private static final String PREFIX = "OutputColumnPrefix";
    private static final String CONFLICT = "columnsConflict";
    private static final String IGNORED = "ignoredProperties";
    private static final List<String> OPTIONS = List.of(PREFIX, CONFLICT, IGNORED);
    private static final String KEEP_SOURCE = "keep_source";
    private static final String REPLACE_SOURCE = "replace_source";

    private static String constantString(Expression expression, Scope scope) {
        BoundExpression value = ExpressionBinder.bindScalar(expression, scope);
        if (!(value instanceof BoundLiteral literal) || literal.type() != KqlType.STRING || literal.value().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.constantExpected(), expression.span());
        }
        return (String) literal.value().get();
    }

    /** The property names of a constant dynamic array ({@code dynamic(['a', 'b'])}). */
    private static Set<String> ignoredProperties(Expression expression, Scope scope) {
        BoundExpression value = ExpressionBinder.bindScalar(expression, scope);
        if (!(value instanceof BoundLiteral literal) || literal.type() != KqlType.DYNAMIC || literal.value().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.constantExpected(), expression.span());
        }
        Set<String> names = new HashSet<>();
        try {
            JsonNode array = JSON.readTree(String.valueOf(literal.value().get()));
            array.forEach(element -> names.add(element.asText()));
        } catch (JsonProcessingException e) {
            throw new DiagnosticException(DiagnosticFacts.constantExpected(), expression.span());
        }
        return names;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

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
