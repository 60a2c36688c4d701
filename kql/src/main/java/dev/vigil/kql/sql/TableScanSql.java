package dev.vigil.kql.sql;

import dev.vigil.kql.plan.TableScan;
import java.util.stream.Collectors;

/**
 * A table reference: its declared columns by name, so that physical columns outside the KQL
 * schema (the ingestion batch) never reach a result, restricted to an ingestion range if asked.
 * A table without storage is an empty relation of its columns' types, so that a query over a
 * standard table nobody has written yet compiles and answers no rows without touching storage.
 */
final class TableScanSql {
    private TableScanSql() {
    }

    static String select(TableScan scan) {
        if (!scan.table().hasStorage()) {
            return empty(scan);
        }
        String relation = scan.table().sqlPath().stream().map(SqlIdentifiers::quote).collect(Collectors.joining("."));
        String columns = scan.table().columns().stream().map(c -> SqlIdentifiers.quote(c.name())).collect(Collectors.joining(", "))
                + scan.ingestionTime().map(column -> ", " + SqlIdentifiers.quote(column) + " AS " + SqlIdentifiers.quote(TableScan.INGESTION_TIME))
                        .orElse("");
        String select = "SELECT " + columns + " FROM " + relation;
        return scan.ingestion()
                .map(range -> select + " WHERE " + SqlIdentifiers.quote(range.column()) + " > " + range.after()
                        + " AND " + SqlIdentifiers.quote(range.column()) + " <= " + range.upTo())
                .orElse(select);
    }

    private static String empty(TableScan scan) {
        String columns = scan.schema().stream()
                .map(c -> "CAST(NULL AS " + DuckDbTypes.sqlType(c.type()) + ") AS " + SqlIdentifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
        return "SELECT " + columns + " WHERE false";
    }
}
