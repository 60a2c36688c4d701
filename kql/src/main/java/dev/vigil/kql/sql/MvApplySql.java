package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.ApplyRow;
import dev.vigil.kql.plan.MvApply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mv-apply} as a LATERAL join: the subquery is written as a statement of its own whose leaf
 * ({@link ApplyRow}) selects the current outer row's columns, so DuckDB runs it per input row.
 */
final class MvApplySql {
    static final String OUTER = "__outer";

    private MvApplySql() {
    }

    static String select(MvApply apply, String input, String subquery) {
        List<String> columns = new ArrayList<>();
        for (String name : apply.kept()) {
            columns.add(OUTER + "." + SqlIdentifiers.quote(name));
        }
        for (ColumnSchema column : apply.subquery().schema()) {
            columns.add("__applied." + SqlIdentifiers.quote(column.name()));
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + input + " AS " + OUTER + ", LATERAL (" + subquery + ") AS __applied";
    }

    /** The current outer row. */
    static String row(ApplyRow row) {
        List<String> columns = new ArrayList<>();
        for (ColumnSchema column : row.columns()) {
            columns.add(OUTER + "." + SqlIdentifiers.quote(column.name()) + " AS " + SqlIdentifiers.quote(column.name()));
        }
        return "SELECT " + String.join(", ", columns);
    }
}
