package dev.vigil.server.api.tables;

import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableRetention;
import java.util.List;

/**
 * A table as {@code /api/workspaces/{ws}/tables} shows it; {@code writtenBy} is {@code Clients} for
 * the tables the ingestion API takes rows for, {@code Vigil} or {@code LogAnalytics} for those it refuses.
 *
 * <p>{@code retentionInDays}, {@code retentionInDaysAsDefault} and {@code totalRetentionInDays} are
 * Log Analytics' table properties; the total equals the retention, as Vigil keeps no archive.
 */
record TableJson(String name, String kind, String writtenBy, List<ColumnJson> columns, long rowCount, int retentionInDays,
        boolean retentionInDaysAsDefault, int totalRetentionInDays) {
    static TableJson of(TableInfo table, TableRetention retention) {
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
        return new TableJson(table.name(), kind, writtenBy, table.columns().stream().map(ColumnJson::of).toList(), table.rowCount(),
                retention.retentionInDays(), retention.workspaceDefault(), retention.retentionInDays());
    }
}
