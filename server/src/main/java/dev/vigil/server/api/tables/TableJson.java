package dev.vigil.server.api.tables;

import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.TableInfo;
import java.util.List;

/**
 * A table as {@code /api/workspaces/{ws}/tables} shows it; {@code writtenBy} is {@code Clients} for
 * the tables the ingestion API takes rows for, {@code Vigil} or {@code LogAnalytics} for those it refuses.
 */
record TableJson(String name, String kind, String writtenBy, List<ColumnJson> columns, long rowCount) {
    static TableJson of(TableInfo table) {
        String kind = switch (table.kind()) {
            case BUILT_IN -> "BuiltIn";
            case CUSTOM -> "Custom";
            case STANDARD -> "Standard";
        };
        String writtenBy = switch (table.writer()) {
            case VIGIL -> "Vigil";
            case CLIENTS -> "Clients";
            case LOG_ANALYTICS -> "LogAnalytics";
        };
        return new TableJson(table.name(), kind, writtenBy, table.columns().stream().map(ColumnJson::of).toList(), table.rowCount());
    }
}
