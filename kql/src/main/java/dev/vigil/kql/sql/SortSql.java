package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Sort;
import dev.vigil.kql.plan.SortOrder;
import java.util.List;
import java.util.stream.Collectors;

/** {@code sort by}: ORDER BY with the direction and null placement spelled out. */
final class SortSql {
    private SortSql() {
    }

    static String select(Sort sort, String input, ExpressionSql expressions) {
        return "SELECT * FROM " + input + " ORDER BY " + orderBy(sort.keys(), expressions);
    }

    static String orderBy(List<SortOrder> keys, ExpressionSql expressions) {
        return keys.stream()
                .map(k -> expressions.render(k.expression()) + (k.descending() ? " DESC" : " ASC")
                        + (k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"))
                .collect(Collectors.joining(", "));
    }
}
