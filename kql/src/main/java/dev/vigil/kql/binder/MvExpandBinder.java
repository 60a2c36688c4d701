package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Expansion;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.MvExpand;
import dev.vigil.kql.syntax.MvExpandItem;
import dev.vigil.kql.syntax.MvExpandOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mv-expand}: each expanded column replaces the input column of its name where it stands, or
 * is appended; {@code with_itemindex} comes last. Elements are dynamic unless {@code to typeof(t)}
 * says otherwise, and elements that are not of that type become null. The legacy spelling
 * {@code mvexpand} stops at 128 elements unless a limit is given.
 */
final class MvExpandBinder {
    static final long LEGACY_LIMIT = 128;

    private MvExpandBinder() {
    }

    static LogicalOperator bind(MvExpandOperator mvExpand, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        boolean bagsAsArrays = mvExpand.bagExpansion().map(MvExpandBinder::bagsAsArrays).orElse(false);
        Optional<Long> limit = mvExpand.limit().map(l -> ExpressionBinder.bindRowCount(l, scope));
        if (limit.isEmpty() && mvExpand.legacy()) {
            limit = Optional.of(LEGACY_LIMIT);
        }
        ColumnNames names = new ColumnNames();
        input.schema().forEach(c -> names.take(c.name()));
        List<Expansion> expansions = new ArrayList<>();
        List<ColumnSchema> columns = new ArrayList<>(input.schema());
        for (MvExpandItem item : mvExpand.items()) {
            BoundExpression source = ExpressionBinder.bindScalar(item.expression(), scope);
            if (source.type() != KqlType.DYNAMIC) {
                throw new DiagnosticException(DiagnosticFacts.dynamicExpected("mv-expand", source.type()), item.expression().span());
            }
            String name = item.name().map(n -> n.name())
                    .orElseGet(() -> ColumnNames.implicitName(item.expression()).orElseGet(() -> names.nameFor(item.expression())));
            KqlType type = item.typeName().map(t -> Types.resolve(t, item.span())).orElse(KqlType.DYNAMIC);
            expansions.add(new Expansion(name, source, type));
            replaceOrAppend(columns, new ColumnSchema(name, type));
        }
        Optional<String> itemIndex = mvExpand.itemIndex().map(n -> n.name());
        itemIndex.ifPresent(n -> replaceOrAppend(columns, new ColumnSchema(n, KqlType.LONG)));
        return new MvExpand(input, expansions, bagsAsArrays, itemIndex, limit, columns);
    }

    private static boolean bagsAsArrays(dev.vigil.kql.syntax.Identifier kind) {
        switch (kind.name()) {
            case "array": return true;
            case "bag": return false;
            default: throw new DiagnosticException(DiagnosticFacts.unknownBagExpansion(kind.name()), kind.span());
        }
    }

    static void replaceOrAppend(List<ColumnSchema> columns, ColumnSchema column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column.name())) {
                columns.set(i, column);
                return;
            }
        }
        columns.add(column);
    }
}
