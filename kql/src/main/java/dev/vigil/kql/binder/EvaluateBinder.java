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
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluate bag_unpack(Column [, prefix]) : (Name:type, ...)}: the bag's properties become
 * columns. Kusto finds the properties in the data; Vigil compiles before reading data, so the
 * output columns must be declared. The input columns stay, except the unpacked one; a declared
 * column that the input already has keeps the input's values.
 */
final class EvaluateBinder {
    private EvaluateBinder() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        FunctionCall plugin = evaluate.plugin();
        if (!plugin.name().equals("bag_unpack") && !plugin.name().equals("pivot")) {
            throw new DiagnosticException(DiagnosticFacts.unknownPlugin(plugin.name()), plugin.nameSpan());
        }
        if (evaluate.outputSchema().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.pluginNeedsSchema(plugin.name()), plugin.span());
        }
        if (plugin.name().equals("pivot")) {
            return PivotBinder.bind(evaluate, input, environment);
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
        for (ColumnDeclaration declared : evaluate.outputSchema().get()) {
            String name = declared.name().name();
            if (columns.stream().anyMatch(c -> c.name().equals(name))) {
                continue;
            }
            KqlType type = Types.resolve(declared.typeName(), declared.typeSpan());
            String property = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
            columns.add(new OutputColumn(name, Conversions.property(bag, property, type)));
        }
        return new Project(input, columns);
    }
}
