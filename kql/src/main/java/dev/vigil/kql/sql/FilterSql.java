package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Filter;

/** {@code where}: a plain WHERE that DuckDB pushes into the scan. */
final class FilterSql {
    private FilterSql() {
    }

    static String select(Filter filter, String input, ExpressionSql expressions) {
        return "SELECT * FROM " + input + " WHERE " + expressions.render(filter.predicate());
    }
}
