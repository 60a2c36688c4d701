package dev.vigil.soc.connector;

import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data connectors gallery of a workspace: every connector with its connection status and,
 * per data type, when data last arrived, found by running the data type's own KQL query in the
 * workspace, as Sentinel does.
 */
public final class DataConnectors {
    private final LogStore logStore;
    private final List<DataConnector> connectors;

    public DataConnectors(LogStore logStore, List<DataConnector> connectors) {
        this.logStore = logStore;
        this.connectors = List.copyOf(connectors);
    }

    /** Every connector, in gallery order. */
    public List<ConnectorDetails> list(String workspaceId) {
        requireWorkspace(workspaceId);
        return connectors.stream().map(connector -> details(connector, workspaceId)).toList();
    }

    /**
     * Every connector's connection status, by id in gallery order: what {@link #list} says of
     * them without running their data types' queries.
     */
    public Map<String, ConnectionStatus> statuses(String workspaceId) {
        requireWorkspace(workspaceId);
        Map<String, ConnectionStatus> statuses = new LinkedHashMap<>();
        connectors.forEach(connector -> statuses.put(connector.id(), connector.status(workspaceId)));
        return statuses;
    }

    /** The connector with this id (compared ignoring case, as ARM names are). */
    public ConnectorDetails get(String workspaceId, String connectorId) {
        requireWorkspace(workspaceId);
        return connectors.stream().filter(connector -> connector.id().equalsIgnoreCase(connectorId)).findFirst()
                .map(connector -> details(connector, workspaceId))
                .orElseThrow(() -> new ConnectorNotFoundException(connectorId, connectors.stream().map(DataConnector::id).toList()));
    }

    private ConnectorDetails details(DataConnector connector, String workspaceId) {
        List<DataTypeStatus> dataTypes = connector.dataTypes(workspaceId).stream()
                .map(dataType -> new DataTypeStatus(dataType, lastDataReceived(workspaceId, dataType)))
                .toList();
        Optional<Instant> newest = dataTypes.stream().flatMap(status -> status.lastDataReceived().stream()).max(Comparator.naturalOrder());
        return new ConnectorDetails(connector.id(), connector.title(), connector.publisher(), connector.description(),
                connector.prerequisites(), connector.permissions(), dataTypes, connector.status(workspaceId), newest);
    }

    /** Runs the data type's query; its single row's {@code Time}, or nothing when it returns no row. */
    private Optional<Instant> lastDataReceived(String workspaceId, DataType dataType) {
        ResultTable result = logStore.query(workspaceId, QueryRequest.of(dataType.lastDataReceivedQuery())).primary();
        int time = -1;
        for (int i = 0; i < result.columns().size(); i++) {
            if (result.columns().get(i).name().equals("Time")) {
                time = i;
            }
        }
        if (time < 0) {
            throw new IllegalStateException("the last-data-received query of '" + dataType.name() + "' returns no column 'Time'");
        }
        if (result.rows().isEmpty() || result.rows().get(0).get(time) == null) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(result.rows().get(0).get(time).toString()));
    }

    private void requireWorkspace(String workspaceId) {
        if (!logStore.workspaces().contains(workspaceId)) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
    }
}
