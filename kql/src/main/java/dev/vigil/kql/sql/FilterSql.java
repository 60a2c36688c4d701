package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Filter;
import java.util.List;

/** {@code where}: a plain WHERE that DuckDB pushes into the scan; QUALIFY when it uses {@code prev()} and the like. */
final class FilterSql {
    private FilterSql() {
    }

    static String select(Filter filter, String input, ExpressionSql expressions) {
        String clause = WindowCalls.contains(filter.predicate()) ? " QUALIFY " : " WHERE ";
        WindowStages.Staged staged = WindowStages.of(List.of(filter.predicate()), input, expressions);
        String columns = staged.hidden().isEmpty() ? "*"
                : "* EXCLUDE (" + String.join(", ", staged.hidden().stream().map(SqlIdentifiers::quote).toList()) + ")";
        return "SELECT " + columns + " FROM " + staged.input() + clause + expressions.renderCondition(staged.expressions().get(0));
    }
}
