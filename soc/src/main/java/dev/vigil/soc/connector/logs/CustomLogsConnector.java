package dev.vigil.soc.connector.logs;

import dev.vigil.soc.connector.ConnectionStatus;
import dev.vigil.soc.connector.DataConnector;
import dev.vigil.soc.connector.DataType;
import dev.vigil.soc.connector.RequiredPermission;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import java.util.Comparator;
import java.util.List;

/**
 * Custom logs sent to the ingestion API ({@code POST /api/workspaces/{ws}/tables/{table}/rows}):
 * there is nothing to switch on, so the connector is connected as soon as any custom table holds
 * data, and its data types are the workspace's custom tables.
 */
public final class CustomLogsConnector implements DataConnector {
    public static final String ID = "CustomLogsIngestion";

    private final LogStore logStore;

    public CustomLogsConnector(LogStore logStore) {
        this.logStore = logStore;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Custom logs via the Logs Ingestion API";
    }

    @Override
    public String publisher() {
        return "Vigil";
    }

    @Override
    public String description() {
        return "Sends your own log records to custom tables (names ending in _CL) over HTTP: create the table with its columns, "
                + "then post JSON arrays or NDJSON to its rows endpoint. Each request is checked against the table's schema and "
                + "committed all or nothing.";
    }

    @Override
    public List<String> prerequisites() {
        return List.of("A custom table (POST /api/workspaces/{workspace}/tables with a name ending in _CL)",
                "An API key of a user who may write to the workspace");
    }

    @Override
    public List<RequiredPermission> permissions() {
        return List.of(new RequiredPermission("Workspace", "Contributor", "read and write permissions on the workspace, to create tables and send rows"));
    }

    /** One data type per custom table, ordered by name. */
    @Override
    public List<DataType> dataTypes(String workspaceId) {
        return customTables(workspaceId).stream()
                .map(table -> new DataType(table.name(), QueryLiterals.name(table.name()) + " | summarize Time = max(TimeGenerated) | where isnotempty(Time)"))
                .toList();
    }

    @Override
    public ConnectionStatus status(String workspaceId) {
        return customTables(workspaceId).stream().anyMatch(table -> table.rowCount() > 0) ? ConnectionStatus.CONNECTED : ConnectionStatus.DISCONNECTED;
    }

    private List<TableInfo> customTables(String workspaceId) {
        return logStore.tables(workspaceId).stream().filter(table -> table.kind() == TableKind.CUSTOM)
                .sorted(Comparator.comparing(TableInfo::name)).toList();
    }
}
