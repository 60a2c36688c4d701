package dev.vigil.server.console.home;

import dev.vigil.server.console.layout.Shell;
import java.util.List;

/**
 * The workspace's home: what flowed in the last 24 hours, the connectors' health and the open incidents.
 *
 * @param flow raw events, alerts and incidents of the last 24 hours, in that order
 * @param figuresTakenAt when the flow and the connectors' last data received were counted (they are refreshed every few seconds)
 */
public record HomePage(Shell shell, List<Tile> flow, List<ConnectorHealth> connectors, List<Tile> openIncidents, String incidentsHref,
        String logsHref, String connectorsHref, String figuresTakenAt) {

    /**
     * Whether nothing reached the workspace in the last 24 hours, neither the flow counted here nor
     * any connector's data, so that the page says where data comes from.
     */
    public boolean quiet() {
        return flow.stream().allMatch(tile -> tile.count() == 0) && connectors.stream().noneMatch(ConnectorHealth::receivedInLastDay);
    }

    /**
     * A labelled count, with where to look at it.
     *
     * @param chart its hours as the chart's data (JSON), empty for a count without a chart
     */
    public record Tile(String label, long count, String href, String tone, String chart) {
    }

    /** @param receivedInLastDay whether its data last arrived within the 24 hours the page covers */
    public record ConnectorHealth(String title, String status, String lastDataReceived, String href, boolean receivedInLastDay) {
    }
}
