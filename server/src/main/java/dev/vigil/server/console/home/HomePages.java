package dev.vigil.server.console.home;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.ApiJson;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.connectors.ConnectorPages;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.Assets;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.server.console.logs.ChartData;
import dev.vigil.server.console.logs.LogsPages;
import dev.vigil.soc.connector.ConnectionStatus;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentTally;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The workspace's home page. */
public final class HomePages {
    /**
     * What flowed in over the last 24 hours, hour by hour, in one query for the three kinds. An
     * alert or incident counts once, in the hour it first appears in the window (status changes
     * write it again), so each kind's hours add up to its total.
     */
    static final String FLOW_QUERY = "union"
            + " (SecurityIoTRawEvent | where TimeGenerated > ago(24h) | summarize n = count() by Hour = bin(TimeGenerated, 1h) | extend What = 'raw'),"
            + " (SecurityAlert | where TimeGenerated > ago(24h) | summarize First = min(TimeGenerated) by SystemAlertId"
            + " | summarize n = count() by Hour = bin(First, 1h) | extend What = 'alerts'),"
            + " (SecurityIncident | where TimeGenerated > ago(24h) | summarize First = min(TimeGenerated) by IncidentNumber"
            + " | summarize n = count() by Hour = bin(First, 1h) | extend What = 'incidents')"
            + " | project What, Hour, n";
    private static final ObjectMapper JSON = ApiJson.newMapper();

    private final ConsoleServices services;
    private final HomeSnapshots snapshots;

    public HomePages(ConsoleServices services) {
        this.services = services;
        this.snapshots = HomeSnapshots.of(services.logStore(), services.connectors(), services.clock());
    }

    public void register(ConsoleRouter router) {
        router.get(ConsolePaths.WORKSPACE, request -> home(router, request));
    }

    private void home(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        HomeSnapshots.Snapshot snapshot = snapshots.current(workspace);
        FlowByHour flow = snapshot.flow();
        IncidentTally open = services.incidents().tally(workspace);
        String logs = LogsPages.href(workspace);
        List<HomePage.Tile> flowTiles = List.of(
                new HomePage.Tile("Raw security events", flow.total("raw"), LogsPages.href(workspace, "SecurityIoTRawEvent | take 100"), "neutral",
                        chart(flow.chart("raw", "Raw security events per hour"))),
                new HomePage.Tile("Alerts", flow.total("alerts"), LogsPages.href(workspace, "SecurityAlert | take 100"), "neutral",
                        chart(flow.chart("alerts", "New alerts per hour"))),
                new HomePage.Tile("Incidents", flow.total("incidents"),
                        LogsPages.href(workspace, "SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber"), "neutral",
                        chart(flow.chart("incidents", "New incidents per hour"))));
        List<HomePage.Tile> openTiles = Arrays.stream(IncidentSeverity.values())
                .sorted((a, b) -> b.ordinal() - a.ordinal())
                .map(severity -> new HomePage.Tile(severity.sentinelName(), open.openOf(severity),
                        Area.INCIDENTS.href(workspace).orElseThrow(), severity.sentinelName().toLowerCase(), ""))
                .toList();
        // the status is the connector's own state, read as the page is rendered; the data's last arrival is the snapshot's
        Map<String, ConnectionStatus> statuses = services.connectors().statuses(workspace);
        Instant dayAgo = services.clock().instant().minus(Duration.ofHours(24));
        List<HomePage.ConnectorHealth> connectors = snapshot.connectors().stream()
                .map(c -> new HomePage.ConnectorHealth(c.title(), statuses.getOrDefault(c.id(), c.status()).displayName(),
                        c.lastDataReceived().map(DisplayTime::format).orElse("No data yet"), ConnectorPages.href(workspace, c.id()),
                        c.lastDataReceived().filter(time -> time.isAfter(dayAgo)).isPresent()))
                .toList();
        router.templates().render(request.ctx(), "home/home.jte", new HomePage(
                request.shell(Area.HOME, "Home").withScripts(List.of(Assets.ECHARTS, Assets.CHARTS_SCRIPT)), flowTiles, connectors, openTiles,
                Area.INCIDENTS.href(workspace).orElseThrow(), logs, Area.DATA_CONNECTORS.href(workspace).orElseThrow(),
                DisplayTime.format(snapshot.takenAt())));
    }

    /** The chart's data as JSON, for the page's script. */
    private static String chart(ChartData data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data of counts and times is always JSON", e);
        }
    }
}
