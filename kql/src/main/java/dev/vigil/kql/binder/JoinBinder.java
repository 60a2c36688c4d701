package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.plan.Join;
import dev.vigil.kql.plan.JoinColumn;
import dev.vigil.kql.plan.JoinKey;
import dev.vigil.kql.plan.JoinKind;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.JoinCondition;
import dev.vigil.kql.syntax.JoinOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code join}: the default kind is {@code innerunique}. Output columns are the left's, then the
 * right's; a right column whose name is taken gets the smallest free number appended
 * ({@code Id} becomes {@code Id1}). Semi and anti joins keep one side's columns only.
 */
final class JoinBinder {
    private JoinBinder() {
    }

    static LogicalOperator bind(JoinOperator join, LogicalOperator left, Environment environment) {
        JoinKind kind = join.kind().map(JoinBinder::kind).orElse(JoinKind.INNERUNIQUE);
        LogicalOperator right = TabularBinder.bind(join.right(), environment);
        List<JoinKey> keys = keys(join.conditions(), left, right);
        return new Join(left, right, kind, keys, columns(left.schema(), right.schema(), kind));
    }

    static JoinKind kind(Identifier kind) {
        return JoinKind.fromName(kind.name())
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownJoinKind(kind.name()), kind.span()));
    }

    static List<JoinKey> keys(List<JoinCondition> conditions, LogicalOperator left, LogicalOperator right) {
        FunctionDeclaration equality = FunctionRegistry.operator(BinaryOperator.EQUAL);
        List<JoinKey> keys = new ArrayList<>();
        for (JoinCondition condition : conditions) {
            ColumnSchema leftColumn = column(condition.left(), left, "left");
            ColumnSchema rightColumn = column(condition.right(), right, "right");
            if (OverloadResolver.resolve(equality.signatures(), List.of(leftColumn.type(), rightColumn.type())).isEmpty()) {
                throw new DiagnosticException(DiagnosticFacts.joinKeyTypes(leftColumn.name(), leftColumn.type(), rightColumn.name(),
                        rightColumn.type()), condition.span());
            }
            keys.add(new JoinKey(leftColumn.name(), rightColumn.name()));
        }
        return keys;
    }

    private static ColumnSchema column(Identifier name, LogicalOperator side, String sideName) {
        return side.schema().stream().filter(c -> c.name().equals(name.name())).findFirst()
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownJoinColumn(name.name(), sideName), name.span()));
    }

    private static List<JoinColumn> columns(List<ColumnSchema> left, List<ColumnSchema> right, JoinKind kind) {
        List<JoinColumn> columns = new ArrayList<>();
        if (kind.keepsRightColumnsOnly()) {
            right.forEach(c -> columns.add(new JoinColumn(false, c.name(), c.name(), c.type())));
            return columns;
        }
        Set<String> taken = new HashSet<>();
        for (ColumnSchema column : left) {
            columns.add(new JoinColumn(true, column.name(), column.name(), column.type()));
            taken.add(column.name());
        }
        if (kind.keepsLeftColumnsOnly()) {
            return columns;
        }
        for (ColumnSchema column : right) {
            columns.add(new JoinColumn(false, column.name(), unique(column.name(), taken), column.type()));
        }
        return columns;
    }

    static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int suffix = 1; taken.contains(candidate); suffix++) {
            candidate = name + suffix;
        }
        taken.add(candidate);
        return candidate;
    }
}
