package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate sequence_detect(Timeline, MaxStepWindow, MaxSpan, [name =] Predicate1, Predicate2, ..., Dim1, ...)}:
 * every sequence of rows, one per predicate in order, with the same dimension values, each row no earlier than the one
 * before and at most MaxStepWindow after it, the last at most MaxSpan after the first. Output: the dimensions, the
 * timeline value of each step (named {@code <name>_<Timeline>}, an unnamed predicate being {@code Expr<n>}) and
 * {@code Duration}. The predicates are the arguments after MaxSpan that are bool; the dimensions are the columns after them.
 */
final class SequenceDetectPlugin {
    static final String NAME = "sequence_detect";

    private SequenceDetectPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 5);
        String timeline = PluginExpansion.columnArgument(NAME, arguments.get(0), input, environment);
        String time = PluginExpansion.name(timeline);
        Scope scope = Scope.of(input.schema(), environment);
        LogicalOperator withSteps = input;
        List<String> stepNames = new ArrayList<>();
        int next = 3;
        for (; next < arguments.size(); next++) {
            Expression argument = arguments.get(next);
            Expression predicate = argument instanceof NamedArgument named ? named.value() : argument;
            BoundExpression bound = ExpressionBinder.bindScalar(predicate, scope);
            if (bound.type() != KqlType.BOOL) {
                break;
            }
            stepNames.add(argument instanceof NamedArgument named ? named.name().name() : "Expr" + (stepNames.size() + 1));
            withSteps = PluginExpansion.withColumn(withSteps, "__sd_step" + stepNames.size(), bound);
        }
        if (stepNames.size() < 2) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "two bool predicates at least, after the span"),
                    arguments.get(Math.min(next, arguments.size() - 1)).span());
        }
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(next, arguments.size()), input, environment);
        List<String> keys = new ArrayList<>(dimensions);
        keys.add("__sd_key");
        StringBuilder kql = new StringBuilder(step(1, time, keys));
        for (int k = 2; k <= stepNames.size(); k++) {
            kql.append(" | join kind=inner (").append(step(k, time, keys)).append(") on ").append(String.join(", ", keys))
                    .append(" | where __sd_t").append(k).append(" >= __sd_t").append(k - 1)
                    .append(" and __sd_t").append(k).append(" - __sd_t").append(k - 1).append(" <= __sd_step_window")
                    .append(" and __sd_t").append(k).append(" - __sd_t1 <= __sd_span");
        }
        List<String> output = new ArrayList<>(dimensions);
        for (int k = 1; k <= stepNames.size(); k++) {
            output.add(PluginExpansion.name(stepNames.get(k - 1) + "_" + timeline) + " = __sd_t" + k);
        }
        output.add("Duration = __sd_t" + stepNames.size() + " - __sd_t1");
        kql.append(" | project ").append(String.join(", ", output));
        Map<String, BoundExpression> scalars = Map.of(
                "__sd_step_window", PluginExpansion.scalarArgument(arguments.get(1), environment),
                "__sd_span", PluginExpansion.scalarArgument(arguments.get(2), environment));
        return PluginExpansion.expand(NAME, kql.toString(), withSteps, scalars, environment, evaluate.plugin().span());
    }

    /** The rows of step {@code k}: its dimensions, a constant join key, and its time as {@code __sd_t<k>}. */
    private static String step(int k, String time, List<String> keys) {
        List<String> columns = new ArrayList<>(keys.subList(0, keys.size() - 1));
        columns.add("__sd_key = 1");
        columns.add("__sd_t" + k + " = " + time);
        return PluginExpansion.INPUT + " | where __sd_step" + k + " | project " + String.join(", ", columns);
    }
}
