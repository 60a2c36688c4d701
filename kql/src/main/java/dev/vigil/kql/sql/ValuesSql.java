package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.Values;
import java.util.List;
import java.util.stream.Collectors;

/** {@code datatable}, {@code print}, {@code getschema}: a VALUES list, which keeps the rows in order. */
final class ValuesSql {
    private ValuesSql() {
    }

    static String select(Values values, ExpressionSql expressions) {
        List<ColumnSchema> columns = values.columns();
        if (values.rows().isEmpty()) {
            return "SELECT " + columns.stream()
                    .map(c -> SqlLiterals.nullOf(c.type()) + " AS " + SqlIdentifiers.quote(c.name()))
                    .collect(Collectors.joining(", ")) + " WHERE FALSE";
        }
        String rows = values.rows().stream()
                .map(row -> "(" + row.stream().map(expressions::render).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        String names = columns.stream().map(c -> SqlIdentifiers.quote(c.name())).collect(Collectors.joining(", "));
        String casts = columns.stream()
                .map(c -> "CAST(" + SqlIdentifiers.quote(c.name()) + " AS " + DuckDbTypes.sqlType(c.type()) + ") AS "
                        + SqlIdentifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
        return "SELECT " + casts + " FROM (VALUES " + rows + ") AS __values(" + names + ")";
    }
}
