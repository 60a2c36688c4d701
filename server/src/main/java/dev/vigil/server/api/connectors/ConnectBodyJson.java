package dev.vigil.server.api.connectors;

/**
 * The body of a connect request.
 *
 * @param createIncidents whether to create incidents from the subscription's alerts; true when left out
 */
record ConnectBodyJson(Boolean createIncidents) {
    boolean createIncidentsOrDefault() {
        return createIncidents == null || createIncidents;
    }
}
