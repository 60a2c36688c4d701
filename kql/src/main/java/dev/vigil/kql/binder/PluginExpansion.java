package dev.vigil.kql.binder;

import dev.vigil.kql.KqlQuoting;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.diagnostics.DiagnosticsException;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Plugins written as KQL over their input, as a stored function's body is: the plugin's binder checks
 * its own arguments (errors at their place in the query), adds the values it needs as columns, and
 * the expansion, a pipe over {@link #INPUT}, is bound like any query. An error inside the expansion is
 * Vigil's mistake, reported at the plugin call.
 */
final class PluginExpansion {
    /** The name the expansion reads its input by. */
    static final String INPUT = "__plugin_input";

    private PluginExpansion() {
    }

    /** The plan of {@code kql} (a pipe starting at {@link #INPUT}) over {@code input}. */
    static LogicalOperator expand(String plugin, String kql, LogicalOperator input, Environment environment, Span at) {
        return expand(plugin, kql, input, java.util.Map.of(), environment, at);
    }

    /** As above, with scalar names the expansion reads (the plugin's bound arguments). */
    static LogicalOperator expand(String plugin, String kql, LogicalOperator input, java.util.Map<String, BoundExpression> scalars,
                                  Environment environment, Span at) {
        Query query;
        try {
            query = KqlParser.parse(kql);
        } catch (DiagnosticsException e) {
            throw new IllegalStateException("the expansion of " + plugin + " does not parse: " + kql, e);
        }
        Environment scope = environment.calleeOf(environment, plugin, at);
        scope.define(INPUT, new Symbol.Tabular(input));
        scalars.forEach((name, value) -> scope.define(name, new Symbol.Scalar(value)));
        try {
            return TabularBinder.bind(((QueryStatement) query.statements().get(query.statements().size() - 1)).pipe(), scope);
        } catch (DiagnosticException e) {
            throw new DiagnosticException(DiagnosticFacts.pluginFailed(plugin, e.fact().message()), at);
        }
    }

    /** {@code input} with one more column (or a column replaced), holding {@code value}. */
    static LogicalOperator withColumn(LogicalOperator input, String name, BoundExpression value) {
        List<OutputColumn> columns = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            if (!column.name().equals(name)) {
                columns.add(ProjectAwayBinder.same(column));
            }
        }
        columns.add(new OutputColumn(name, value));
        return new Project(input, columns);
    }

    /** The plugin's arguments, refused when there are fewer than {@code atLeast}. */
    static List<dev.vigil.kql.syntax.Expression> arguments(String plugin, EvaluateOperator evaluate, int atLeast) {
        List<dev.vigil.kql.syntax.Expression> arguments = evaluate.plugin().arguments();
        if (arguments.size() < atLeast) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast(plugin, atLeast), evaluate.plugin().span());
        }
        return arguments;
    }

    /** The argument as a column of the input (a plugin's id, timeline and dimension arguments are column names). */
    static String columnArgument(String plugin, dev.vigil.kql.syntax.Expression argument, LogicalOperator input, Environment environment) {
        BoundExpression bound = ExpressionBinder.bindScalar(argument, Scope.of(input.schema(), environment));
        if (!(bound instanceof dev.vigil.kql.bound.BoundColumn column)) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(plugin, "a column name"), argument.span());
        }
        return column.name();
    }

    /** Whether the argument names a column of the input (plugins whose optional arguments come before the dimensions tell them apart so). */
    static boolean isInputColumn(dev.vigil.kql.syntax.Expression argument, LogicalOperator input, Environment environment) {
        try {
            return ExpressionBinder.bindScalar(argument, Scope.of(input.schema(), environment)) instanceof dev.vigil.kql.bound.BoundColumn;
        } catch (DiagnosticException e) {
            return false;
        }
    }

    /** The argument as a column of the input, as KQL text. */
    static String columnName(String plugin, dev.vigil.kql.syntax.Expression argument, LogicalOperator input, Environment environment) {
        return name(columnArgument(plugin, argument, input, environment));
    }

    /** The arguments as columns of the input, each as KQL text (a plugin's trailing dimension arguments). */
    static List<String> columnNames(String plugin, List<dev.vigil.kql.syntax.Expression> arguments, LogicalOperator input,
                                    Environment environment) {
        List<String> names = new ArrayList<>();
        for (dev.vigil.kql.syntax.Expression argument : arguments) {
            names.add(columnName(plugin, argument, input, environment));
        }
        return names;
    }

    /**
     * A plugin's bin or window ({@code what}) as a scalar: a fixed length only, as the calendar steps Kusto takes as
     * strings (week, month, year) are not supported.
     */
    static BoundExpression fixedStep(String plugin, String what, dev.vigil.kql.syntax.Expression argument, Environment environment) {
        BoundExpression step = scalarArgument(argument, environment);
        if (step.type() == KqlType.STRING) {
            throw new DiagnosticException(DiagnosticFacts.notSupported("A " + what + " of week, month or year in " + plugin), argument.span());
        }
        return step;
    }

    /** The argument as a scalar over no columns (a plugin's start, end, bin and window arguments). */
    static BoundExpression scalarArgument(dev.vigil.kql.syntax.Expression argument, Environment environment) {
        return ExpressionBinder.bindScalar(argument, Scope.of(List.of(), environment));
    }

    /**
     * A funnel plugin's sequence of states: a constant dynamic array of one string at least (a {@code let} of one too).
     */
    static List<String> sequence(String plugin, dev.vigil.kql.syntax.Expression argument, Environment environment) {
        BoundExpression value = scalarArgument(argument, environment);
        java.util.Optional<List<dev.vigil.kql.bound.BoundLiteral>> elements = value instanceof dev.vigil.kql.bound.BoundLiteral literal
                && literal.type() == KqlType.DYNAMIC && literal.value().isPresent()
                ? ConstantArrays.elements((String) literal.value().get()) : java.util.Optional.empty();
        if (elements.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(plugin, "a constant array"), argument.span());
        }
        List<String> states = new ArrayList<>();
        for (dev.vigil.kql.bound.BoundLiteral step : elements.get()) {
            if (step.value().isEmpty() || step.type() != KqlType.STRING) {
                throw new DiagnosticException(DiagnosticFacts.pluginArgument(plugin, "an array of state strings"), argument.span());
            }
            states.add((String) step.value().get());
        }
        if (states.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(plugin, "a sequence of one state at least"), argument.span());
        }
        return states;
    }

    /** A column name as KQL text, always bracketed so that no name can read as a keyword of the expansion. */
    static String name(String column) {
        return "[" + KqlQuoting.stringLiteral(column) + "]";
    }

    /** A string literal as KQL text. */
    static String string(String value) {
        return KqlQuoting.stringLiteral(value);
    }
}
