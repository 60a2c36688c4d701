package dev.vigil.server.api.connectors;

import dev.vigil.soc.connector.DataConnectors;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import io.javalin.config.RoutesConfig;

/** The data connectors area of the HTTP API: the gallery of a workspace and the Defender for IoT connector's subscriptions. */
public final class ConnectorApi {
    static final String CONNECTORS = "/api/workspaces/{workspace}/dataConnectors";

    private final DataConnectorRoutes gallery;
    private final IotConnectorRoutes iot;

    public ConnectorApi(DataConnectors connectors, DefenderForIotConnector iot) {
        this.gallery = new DataConnectorRoutes(connectors);
        this.iot = new IotConnectorRoutes(iot);
    }

    public void register(RoutesConfig routes) {
        gallery.register(routes);
        iot.register(routes);
    }
}
