package dev.vigil.iot.routing;

import java.util.List;
import java.util.Optional;

/**
 * The workspace tables of routing endpoints, seen by name and KQL type name: the workspace's table
 * API speaks KQL's column types, which the iot module does not depend on, so the server supplies this.
 */
public interface RoutingTables {

    /**
     * The table's columns, empty when the workspace has no such table.
     *
     * @throws dev.vigil.workspace.api.WorkspaceNotFoundException when there is no such workspace
     */
    Optional<List<RoutedColumn>> columns(String workspace, String table);

    /**
     * Creates the custom table ({@code TimeGenerated} is added).
     *
     * @throws dev.vigil.workspace.api.TableDefinitionException when it cannot be made, e.g. it was made meanwhile
     */
    void create(String workspace, String table, List<RoutedColumn> columns);
}
