package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.plan.AddressMatch;
import dev.vigil.kql.plan.Join;
import dev.vigil.kql.plan.JoinColumn;
import dev.vigil.kql.plan.JoinKey;
import dev.vigil.kql.plan.JoinKind;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code evaluate ipv4_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey ...] [, return_unmatched])} and
 * {@code ipv6_lookup}: each input row joined with the lookup rows whose address or range (IP-prefix notation) matches
 * its address, and whose extra key columns (named the same on both sides) are equal. Columns are the input's, then the
 * lookup table's, as {@code lookup} gives them; rows without a match are dropped unless {@code return_unmatched} is true.
 */
final class AddressLookupBinder {
    static final String IPV4 = "ipv4_lookup";
    static final String IPV6 = "ipv6_lookup";
    private static final String RETURN_UNMATCHED = "return_unmatched";

    private AddressLookupBinder() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        FunctionCall plugin = evaluate.plugin();
        List<Expression> arguments = new ArrayList<>(plugin.arguments());
        boolean returnUnmatched = false;
        Expression last = arguments.isEmpty() ? null : arguments.get(arguments.size() - 1);
        if (last instanceof NamedArgument named && named.name().name().equals(RETURN_UNMATCHED)) {
            returnUnmatched = flag(plugin, named.value(), environment);
            arguments.remove(arguments.size() - 1);
        } else if (arguments.size() > 3 && !(last instanceof NameReference)) {
            returnUnmatched = flag(plugin, last, environment);
            arguments.remove(arguments.size() - 1);
        }
        if (arguments.size() < 3) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast(plugin.name(), 3), plugin.span());
        }
        LogicalOperator lookup = TabularBinder.bind(LetBinder.asTabular(arguments.get(0)), environment);
        String sourceKey = column(plugin, arguments.get(1), input, "left");
        String lookupKey = column(plugin, arguments.get(2), lookup, "right");
        List<JoinKey> keys = new ArrayList<>();
        Set<String> extraKeys = new HashSet<>();
        for (Expression extra : arguments.subList(3, arguments.size())) {
            String left = column(plugin, extra, input, "left");
            String right = column(plugin, extra, lookup, "right");
            keys.add(new JoinKey(left, right));
            extraKeys.add(right);
        }
        List<JoinColumn> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ColumnSchema column : input.schema()) {
            columns.add(new JoinColumn(true, column.name(), column.name(), column.type()));
            taken.add(column.name());
        }
        for (ColumnSchema column : lookup.schema()) {
            if (!extraKeys.contains(column.name())) {
                columns.add(new JoinColumn(false, column.name(), JoinBinder.unique(column.name(), taken), column.type()));
            }
        }
        String test = plugin.name().equals(IPV4) ? "ipv4_is_match" : "ipv6_is_match";
        AddressMatch match = new AddressMatch(sourceKey, lookupKey, FunctionRegistry.function(test).orElseThrow());
        return new Join(input, lookup, returnUnmatched ? JoinKind.LEFTOUTER : JoinKind.INNER, keys, columns, Optional.of(match));
    }

    /** A column named by {@code argument} in {@code side}; the address keys must be strings. */
    private static String column(FunctionCall plugin, Expression argument, LogicalOperator side, String sideName) {
        if (!(argument instanceof NameReference reference)) {
            throw new DiagnosticException(DiagnosticFacts.columnExpected(plugin.name()), argument.span());
        }
        ColumnSchema column = side.schema().stream().filter(c -> c.name().equals(reference.name())).findFirst()
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownJoinColumn(reference.name(), sideName), reference.span()));
        return column.name();
    }

    private static boolean flag(FunctionCall plugin, Expression argument, Environment environment) {
        BoundExpression value = ExpressionBinder.bindScalar(argument, Scope.of(List.of(), environment));
        if (!(value instanceof BoundLiteral literal) || literal.type() != KqlType.BOOL || literal.value().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.constantArgument(plugin.name(), RETURN_UNMATCHED + " (true or false)"), argument.span());
        }
        return (Boolean) literal.value().get();
    }
}
