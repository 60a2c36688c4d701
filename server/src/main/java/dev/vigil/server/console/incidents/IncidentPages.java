package dev.vigil.server.console.incidents;

import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.connectors.ConnectorPages;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentOrder;
import dev.vigil.soc.incident.IncidentPage;
import dev.vigil.soc.incident.IncidentQuery;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.workspace.api.LogStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Incidents: the queue of a workspace with its counts, filters by severity, status and title, and paging. */
public final class IncidentPages {
    private static final String QUEUE = ConsolePaths.WORKSPACE + "/incidents";
    /** Highest first, as the queue's counts read. */
    private static final List<String> SEVERITIES = List.of(IncidentSeverity.HIGH.sentinelName(), IncidentSeverity.MEDIUM.sentinelName(),
            IncidentSeverity.LOW.sentinelName(), IncidentSeverity.INFORMATIONAL.sentinelName());
    private static final List<String> STATUSES = Arrays.stream(IncidentStatus.values()).map(IncidentStatus::sentinelName).toList();

    private final Incidents incidents;
    private final LogStore logStore;

    public IncidentPages(ConsoleServices services) {
        this.incidents = services.incidents();
        this.logStore = services.logStore();
    }

    public void register(ConsoleRouter router) {
        router.get(QUEUE, request -> queue(router, request));
    }

    private void queue(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        var ctx = request.ctx();
        String search = Optional.ofNullable(ctx.queryParam("search")).orElse("").strip();
        String severity = Optional.ofNullable(ctx.queryParam("severity")).filter(SEVERITIES::contains).orElse("");
        String status = Optional.ofNullable(ctx.queryParam("status")).filter(STATUSES::contains).orElse("");
        Optional<String> skipToken = Optional.ofNullable(ctx.queryParam("skipToken")).filter(t -> !t.isBlank());
        IncidentQuery query = new IncidentQuery(status.isEmpty() ? Set.of() : Set.of(IncidentStatus.named(status)),
                severity.isEmpty() ? Set.of() : Set.of(IncidentSeverity.named(severity)), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), search.isEmpty() ? Optional.empty() : Optional.of(search), IncidentOrder.NEWEST_FIRST, IncidentQuery.DEFAULT_TOP,
                skipToken);
        IncidentPage page = incidents.list(workspace, query);
        List<IncidentQueuePage.Row> rows = page.incidents().stream().map(IncidentPages::row).toList();
        String action = ConsolePaths.workspace(workspace) + "/incidents";
        Optional<String> next = page.skipToken().map(token -> action + "?search=" + ConsolePaths.encode(search) + "&severity=" + ConsolePaths.encode(severity)
                + "&status=" + ConsolePaths.encode(status) + "&skipToken=" + ConsolePaths.encode(token));
        router.templates().render(ctx, "incidents/queue.jte", new IncidentQueuePage(request.shell(Area.INCIDENTS, "Incidents"), counts(workspace),
                search, severity, status, SEVERITIES, STATUSES, rows, next, action, ConnectorPages.href(workspace, DefenderForIotConnector.ID),
                Area.ANALYTICS.href(workspace).orElseThrow()));
    }

    private List<IncidentQueuePage.Count> counts(String workspace) {
        OpenIncidents open = OpenIncidents.in(logStore, workspace);
        List<IncidentQueuePage.Count> counts = new ArrayList<>();
        counts.add(new IncidentQueuePage.Count("Open incidents", open.total(), "neutral"));
        for (String severity : SEVERITIES) {
            counts.add(new IncidentQueuePage.Count(severity, open.of(IncidentSeverity.named(severity)), severity.toLowerCase()));
        }
        return counts;
    }

    private static IncidentQueuePage.Row row(Incident incident) {
        return new IncidentQueuePage.Row(incident.number(), incident.title(), incident.severity().sentinelName(), incident.status().sentinelName(),
                incident.owner().isAssigned() ? incident.owner().assignedTo() : "Unassigned", incident.alerts().size(),
                DisplayTime.format(incident.createdTime()), incident.providerName());
    }
}
