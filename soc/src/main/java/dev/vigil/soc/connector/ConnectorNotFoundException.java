package dev.vigil.soc.connector;

import java.util.List;

/** The gallery has no connector with this id. */
public final class ConnectorNotFoundException extends ConnectorException {
    public ConnectorNotFoundException(String connectorId, List<String> known) {
        super("DataConnectorNotFound", "There is no data connector '" + connectorId + "'; the gallery holds " + String.join(", ", known) + ".");
    }

    @Override
    public int status() {
        return 404;
    }
}
