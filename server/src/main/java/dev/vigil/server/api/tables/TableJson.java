package dev.vigil.server.api.tables;

import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import java.util.List;

/** A table as {@code /api/workspaces/{ws}/tables} shows it. */
record TableJson(String name, String kind, List<ColumnJson> columns, long rowCount) {
    static TableJson of(TableInfo table) {
        String kind = table.kind() == TableKind.CUSTOM ? "Custom" : "BuiltIn";
        return new TableJson(table.name(), kind, table.columns().stream().map(ColumnJson::of).toList(), table.rowCount());
    }
}
