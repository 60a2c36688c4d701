package dev.vigil.kql.sql;

import dev.vigil.kql.plan.TableScan;
import java.util.stream.Collectors;

/** A table reference: its physical relation. */
final class TableScanSql {
    private TableScanSql() {
    }

    static String select(TableScan scan) {
        String relation = scan.table().sqlPath().stream().map(SqlIdentifiers::quote).collect(Collectors.joining("."));
        return "SELECT * FROM " + relation;
    }
}
