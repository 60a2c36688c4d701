package dev.vigil.server.api.connectors;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.soc.connector.DataConnectors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The data connectors gallery of a workspace; Reader on the workspace may read it. */
final class DataConnectorRoutes {
    private final DataConnectors connectors;

    DataConnectorRoutes(DataConnectors connectors) {
        this.connectors = connectors;
    }

    void register(RoutesConfig routes) {
        routes.get(ConnectorApi.CONNECTORS, this::list);
        routes.get(ConnectorApi.CONNECTORS + "/{connectorId}", this::get);
    }

    private void list(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        ctx.json(Map.of("value", connectors.list(workspace).stream().map(ConnectorJson::of).toList()));
    }

    private void get(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        ctx.json(ConnectorJson.of(connectors.get(workspace, ctx.pathParam("connectorId"))));
    }
}
