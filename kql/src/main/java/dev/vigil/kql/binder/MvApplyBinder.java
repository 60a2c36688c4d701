package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.ApplyRow;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.MvApply;
import dev.vigil.kql.syntax.MvApplyOperator;
import dev.vigil.kql.syntax.MvExpandItem;
import dev.vigil.kql.syntax.MvExpandOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mv-apply items [limit n] on (subquery)}: the items are expanded as {@code mv-expand} would expand
 * them from one row (its {@code limit} and {@code bagexpansion} too), the subquery sees those rows as its input,
 * and its result replaces the row.
 * The output keeps the input columns that were not expanded in place and that the subquery does
 * not produce itself, followed by the subquery's columns.
 */
final class MvApplyBinder {
    private MvApplyBinder() {
    }

    static LogicalOperator bind(MvApplyOperator operator, LogicalOperator input, Environment environment) {
        ApplyRow row = new ApplyRow(input.schema());
        MvExpandOperator expand = new MvExpandOperator(operator.bagExpansion(), operator.itemIndex(), operator.items(), operator.limit(),
                false, operator.span());
        LogicalOperator expanded = MvExpandBinder.bind(expand, row, environment);
        LogicalOperator subquery = TabularBinder.bindOverRows(operator.subquery(), expanded, environment);

        Set<String> replaced = new HashSet<>();
        for (MvExpandItem item : operator.items()) {
            if (item.name().isEmpty()) {
                ColumnNames.implicitName(item.expression()).ifPresent(replaced::add);
            }
        }
        subquery.schema().forEach(c -> replaced.add(c.name()));
        List<String> kept = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            if (!replaced.contains(column.name())) {
                kept.add(column.name());
            }
        }
        return new MvApply(input, subquery, kept);
    }
}
