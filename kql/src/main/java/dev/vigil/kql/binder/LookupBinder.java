package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Join;
import dev.vigil.kql.plan.JoinColumn;
import dev.vigil.kql.plan.JoinKey;
import dev.vigil.kql.plan.JoinKind;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.LookupOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code lookup}: extends the left (fact) rows with the right (dimension) columns; {@code leftouter}
 * by default, or {@code inner}. Key columns of the same name appear once; other clashing right
 * columns get a number appended, as in {@code join}.
 */
final class LookupBinder {
    private LookupBinder() {
    }

    static LogicalOperator bind(LookupOperator lookup, LogicalOperator left, Environment environment) {
        JoinKind kind = lookup.kind().map(JoinBinder::kind).orElse(JoinKind.LEFTOUTER);
        if (kind != JoinKind.LEFTOUTER && kind != JoinKind.INNER) {
            throw new DiagnosticException(DiagnosticFacts.unknownLookupKind(lookup.kind().get().name()), lookup.kind().get().span());
        }
        LogicalOperator right = TabularBinder.bind(lookup.right(), environment);
        List<JoinKey> keys = JoinBinder.keys(lookup.conditions(), left, right);
        Set<String> sharedKeys = new HashSet<>();
        keys.stream().filter(k -> k.left().equals(k.right())).forEach(k -> sharedKeys.add(k.right()));
        List<JoinColumn> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ColumnSchema column : left.schema()) {
            columns.add(new JoinColumn(true, column.name(), column.name(), column.type()));
            taken.add(column.name());
        }
        for (ColumnSchema column : right.schema()) {
            if (!sharedKeys.contains(column.name())) {
                columns.add(new JoinColumn(false, column.name(), JoinBinder.unique(column.name(), taken), column.type()));
            }
        }
        return new Join(left, right, kind, keys, columns);
    }
}
