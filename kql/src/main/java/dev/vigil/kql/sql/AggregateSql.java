package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.OutputColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** {@code summarize} and {@code count}: group columns first, grouped by position. */
final class AggregateSql {
    private AggregateSql() {
    }

    static String select(Aggregate aggregate, String input, ExpressionSql expressions) {
        List<String> columns = new ArrayList<>();
        for (OutputColumn group : aggregate.groups()) {
            columns.add(ProjectSql.column(group, expressions));
        }
        for (OutputColumn value : aggregate.aggregates()) {
            columns.add(ProjectSql.column(value, expressions));
        }
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + input;
        if (!aggregate.groups().isEmpty()) {
            sql += " GROUP BY " + IntStream.rangeClosed(1, aggregate.groups().size())
                    .mapToObj(String::valueOf).collect(Collectors.joining(", "));
        }
        return sql;
    }
}
