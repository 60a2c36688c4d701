package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate rolling_percentile(Value, Percentile, Index, BinSize, BinsPerWindow [, dim, ...])}: per bin of the
 * index (up to the last bin with rows) and dimension values, the percentile of the values in the window of
 * BinsPerWindow bins that ends with the bin, in a column named {@code rolling_<BinsPerWindow>_percentile_<Value>_<Percentile>}.
 */
final class RollingPercentilePlugin {
    static final String NAME = "rolling_percentile";

    private RollingPercentilePlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 5);
        String value = PluginExpansion.columnArgument(NAME, arguments.get(0), input, environment);
        BoundExpression percentile = PluginExpansion.scalarArgument(arguments.get(1), environment);
        if (!(percentile instanceof BoundLiteral literal) || literal.value().isEmpty() || !literal.type().isNumeric()) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "a constant percentile"), arguments.get(1).span());
        }
        String index = PluginExpansion.columnArgument(NAME, arguments.get(2), input, environment);
        long bins = ExpressionBinder.bindRowCount(arguments.get(4), Scope.of(List.of(), environment));
        if (bins < 1) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "at least one bin per window"), arguments.get(4).span());
        }
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(5, arguments.size()), input, environment);
        String percentText = literal.value().get().toString().replace('.', '_');
        if (percentText.endsWith("_0")) {
            percentText = percentText.substring(0, percentText.length() - 2);
        }
        String result = PluginExpansion.name("rolling_" + bins + "_percentile_" + value + "_" + percentText);
        String time = PluginExpansion.name(index);
        List<String> by = new ArrayList<>();
        by.add(time + " = __rp_window");
        by.addAll(dimensions);
        String kql = PluginExpansion.INPUT
                + " | extend __rp_bin = bin(" + time + ", __rp_size)"
                + " | extend __rp_windows = range(__rp_bin, __rp_bin + (" + (bins - 1) + ") * __rp_size, __rp_size)"
                + " | mv-expand __rp_window = __rp_windows"
                + " | extend __rp_window = " + SlidingWindowCountsPlugin.conversion(input, index) + "(__rp_window)"
                + " | where __rp_window <= toscalar(" + PluginExpansion.INPUT + " | summarize max(bin(" + time + ", __rp_size)))"
                + " | summarize " + result + " = percentile(" + PluginExpansion.name(value) + ", __rp_percent) by " + String.join(", ", by);
        Map<String, BoundExpression> scalars = Map.of(
                "__rp_size", PluginExpansion.scalarArgument(arguments.get(3), environment),
                "__rp_percent", percentile);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }
}
