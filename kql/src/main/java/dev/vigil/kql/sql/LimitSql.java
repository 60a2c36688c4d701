package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Limit;

/** {@code take}. */
final class LimitSql {
    private LimitSql() {
    }

    static String select(Limit limit, String input) {
        return "SELECT * FROM " + input + " LIMIT " + limit.count();
    }
}
