package dev.vigil.kql.sql;

import dev.vigil.kql.plan.TopN;

/** {@code top}: ORDER BY with LIMIT, which DuckDB runs as a top-N. */
final class TopNSql {
    private TopNSql() {
    }

    static String select(TopN top, String input, ExpressionSql expressions) {
        return "SELECT * FROM " + input + " ORDER BY " + SortSql.orderBy(top.keys(), expressions) + " LIMIT " + top.count();
    }
}
