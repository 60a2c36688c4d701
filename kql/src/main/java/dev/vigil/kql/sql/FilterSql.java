package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Filter;

/** {@code where}: a plain WHERE that DuckDB pushes into the scan; QUALIFY when it uses {@code prev()} and the like. */
final class FilterSql {
    private FilterSql() {
    }

    static String select(Filter filter, String input, ExpressionSql expressions) {
        String clause = WindowCalls.contains(filter.predicate()) ? " QUALIFY " : " WHERE ";
        return "SELECT * FROM " + input + clause + expressions.renderCondition(filter.predicate());
    }
}
