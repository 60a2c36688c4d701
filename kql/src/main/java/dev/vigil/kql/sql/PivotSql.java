package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.Pivot;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code evaluate pivot} with DuckDB's PIVOT over the declared values only, each result column
 * cast to its declared type. A constant column is grouped on too, so that without group columns
 * DuckDB does not group by the input's other columns.
 */
final class PivotSql {
    private PivotSql() {
    }

    static String select(Pivot pivot, String input, ExpressionSql expressions) {
        List<String> groups = pivot.groups().stream().map(g -> SqlIdentifiers.quote(g.name())).toList();
        List<String> values = pivot.values().stream().map(v -> SqlLiterals.literal(Optional.of(v.name()), KqlType.STRING)).toList();
        String pivoted = "PIVOT (SELECT *, " + expressions.render(pivot.key()) + " AS __pivot, 1 AS __pivot_all FROM " + input + ") ON __pivot IN ("
                + String.join(", ", values) + ") USING " + expressions.render(pivot.aggregate())
                + " GROUP BY " + String.join(", ", groups) + (groups.isEmpty() ? "" : ", ") + "__pivot_all";
        List<String> columns = new ArrayList<>(groups);
        for (ColumnSchema value : pivot.values()) {
            String name = SqlIdentifiers.quote(value.name());
            columns.add("CAST(" + name + " AS " + DuckDbTypes.sqlType(value.type()) + ") AS " + name);
        }
        return "SELECT " + String.join(", ", columns) + " FROM (" + pivoted + ")";
    }
}
