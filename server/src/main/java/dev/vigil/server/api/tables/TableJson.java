package dev.vigil.server.api.tables;

import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.util.List;

/**
 * A table as {@code /api/workspaces/{ws}/tables} shows it; {@code writtenBy} is {@code Vigil} for
 * the tables the ingestion API refuses, {@code Clients} for those it takes rows for.
 */
record TableJson(String name, String kind, String writtenBy, List<ColumnJson> columns, long rowCount) {
    static TableJson of(TableInfo table) {
        String kind = table.kind() == TableKind.CUSTOM ? "Custom" : "BuiltIn";
        String writtenBy = table.writer() == TableWriter.VIGIL ? "Vigil" : "Clients";
        return new TableJson(table.name(), kind, writtenBy, table.columns().stream().map(ColumnJson::of).toList(), table.rowCount());
    }
}
