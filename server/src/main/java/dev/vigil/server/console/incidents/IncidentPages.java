package dev.vigil.server.console.incidents;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.analytics.AnalyticsPages;
import dev.vigil.server.console.automation.PlaybookPages;
import dev.vigil.server.console.connectors.ConnectorPages;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.incident.Closure;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentEtagMismatchException;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.incident.IncidentNotFoundException;
import dev.vigil.soc.incident.IncidentPage;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.IncidentTally;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.LogStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Incidents: the queue (counts, filters, order, search, pages, live updates, bulk actions on the selected rows) and an
 * incident's page (summary, alerts, entities, timeline, comments, and assign, status, severity, close, reopen).
 * Reading needs any role on the workspace; every change needs Responder, checked as the incidents API checks it.
 */
public final class IncidentPages {
    private static final String QUEUE = ConsolePaths.WORKSPACE + "/incidents";
    private static final String INCIDENT = QUEUE + "/{incident}";
    /** More than a page of the queue, few enough that one request stays short. */
    static final int MAX_BULK = 100;
    /** How long a change waits for its SecurityIncident row, so that the page shown next has it in its timeline and counts. */
    private static final Duration LOGGED_WAIT = Duration.ofSeconds(5);

    private final ConsoleServices services;
    private final Incidents incidents;
    private final LogStore logStore;
    private final AlertRules rules;
    private final Clock clock;
    private final IncidentEntities entities;
    private final IncidentChanges changes = new IncidentChanges();
    private final QueueEvents events;

    public IncidentPages(ConsoleServices services) {
        this.services = services;
        this.incidents = services.incidents();
        this.logStore = services.logStore();
        this.rules = services.rules();
        this.clock = services.clock();
        this.entities = new IncidentEntities(services.iotRegistry(), services.iotAlerts(), services.logStore());
        this.events = new QueueEvents(changes);
        incidents.addListener(changes);
    }

    public static String href(String workspace, long number) {
        return ConsolePaths.workspace(workspace) + "/incidents/" + number;
    }

    public void register(ConsoleRouter router) {
        router.get(QUEUE, request -> router.templates().render(request.ctx(), "incidents/queue.jte", queuePage(request, Optional.empty())));
        // before the incident's routes, whose path would match these too
        router.routes().sse(QUEUE + "/events", client -> events.stream(router, client,
                request -> router.templates().renderToString("incidents/queueLive.jte", queuePage(request, Optional.empty()))));
        router.post(QUEUE + "/bulk", request -> bulk(router, request));
        router.get(INCIDENT, request -> router.templates().render(request.ctx(), "incidents/incident.jte",
                detailPage(request, incident(request), Optional.empty())));
        router.post(INCIDENT, request -> act(router, request));
    }

    private static Permit permit(ConsoleRequest request, String workspace) {
        return request.user().permit(Scope.workspace(workspace), Role.RESPONDER);
    }

    /** The API's own check of a change, which also names the scope in the audit trail; a refusal answers 403 with the reason. */
    private static void requireResponder(ConsoleRequest request, String workspace) {
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.RESPONDER);
    }

    // ---- the queue

    private IncidentQueuePage queuePage(ConsoleRequest request, Optional<IncidentQueuePage.BulkOutcome> outcome) {
        String workspace = request.workspace();
        QueueFilters filters = QueueFilters.of(request.ctx());
        IncidentPage page = incidents.list(workspace, filters.query(request.user().name(), clock.instant()), filters.alsoMatching());
        String action = ConsolePaths.workspace(workspace) + "/incidents";
        List<IncidentQueuePage.Row> rows = page.incidents().stream().map(incident -> row(workspace, incident)).toList();
        Permit permit = permit(request, workspace);
        IncidentQueuePage.Table table = new IncidentQueuePage.Table(rows, filters.filtered(), action,
                ConnectorPages.href(workspace, DefenderForIotConnector.ID), Area.ANALYTICS.href(workspace).orElseThrow(), permit.allowed());
        String query = filters.pageQueryString();
        return new IncidentQueuePage(request.shell(Area.INCIDENTS, "Incidents"), counts(workspace, action), filters, table, action,
                action + "/events?" + query, action + "/bulk?" + query, permit, outcome,
                new IncidentQueuePage.Options(QueueFilters.SEVERITIES, List.of(IncidentStatus.NEW.sentinelName(), IncidentStatus.ACTIVE.sentinelName()),
                        QueueFilters.OWNERS, QueueFilters.PRODUCTS, QueueFilters.TIME_RANGES, QueueFilters.SORTS, ClosureChoice.ALL),
                filters.skipToken().map(token -> action + "?" + filters.queryString()),
                page.skipToken().map(token -> action + "?" + filters.queryStringAfter(token)));
    }

    private IncidentQueuePage.Counts counts(String workspace, String queue) {
        // counted from the incidents the domain holds: a query over SecurityIncident's history took half a second at 10,000 incidents
        IncidentTally tally = incidents.tally(workspace);
        List<IncidentQueuePage.Count> bySeverity = new ArrayList<>();
        bySeverity.add(new IncidentQueuePage.Count("Open", tally.open(), "neutral", queue + "?status=" + QueueFilters.OPEN));
        for (String severity : QueueFilters.SEVERITIES) {
            bySeverity.add(new IncidentQueuePage.Count(severity, tally.openOf(IncidentSeverity.named(severity)), severity.toLowerCase(),
                    queue + "?status=" + QueueFilters.OPEN + "&severity=" + severity));
        }
        List<IncidentQueuePage.Count> byStatus = QueueFilters.STATUSES.stream().map(status -> new IncidentQueuePage.Count(status,
                tally.of(IncidentStatus.named(status)), "status-" + status.toLowerCase(), queue + "?status=" + status)).toList();
        return new IncidentQueuePage.Counts(bySeverity, byStatus);
    }

    private static IncidentQueuePage.Row row(String workspace, Incident incident) {
        return new IncidentQueuePage.Row(incident.number(), incident.title(), href(workspace, incident.number()), incident.severity().sentinelName(),
                incident.status().sentinelName(), incident.owner().isAssigned() ? incident.owner().assignedTo() : "Unassigned", incident.alerts().size(),
                products(incident), DisplayTime.format(incident.createdTime()), DisplayTime.format(incident.lastModifiedTime()));
    }

    private static String products(Incident incident) {
        return incident.alertProductNames().isEmpty() ? incident.providerName() : String.join(", ", incident.alertProductNames());
    }

    /** Applies one action to every selected incident, each on its own: one refused does not stop the others. */
    private void bulk(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        requireResponder(request, workspace);
        var ctx = request.ctx();
        List<String> selected = ctx.formParams("incident").stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        String actionName = Optional.ofNullable(ctx.formParam("action")).orElse("");
        AuditNotes.put(ctx, "action", actionName);
        AuditNotes.put(ctx, "incidents", String.join(",", selected));
        List<IncidentQueuePage.Result> results = new ArrayList<>();
        String described = actionName;
        if (selected.isEmpty()) {
            results.add(new IncidentQueuePage.Result(0, false, "Select the incidents to change first."));
        } else if (selected.size() > MAX_BULK) {
            results.add(new IncidentQueuePage.Result(0, false, "Select at most " + MAX_BULK + " incidents at a time; " + selected.size() + " were selected."));
        } else {
            try {
                TriageAction action = TriageAction.fromForm(ctx, request.user().name());
                described = action.done();
                for (String incident : selected) {
                    results.add(applyTo(workspace, incident, action, request.user().name()));
                }
                awaitLogged(workspace);
            } catch (IncidentException e) {
                results.add(new IncidentQueuePage.Result(0, false, capitalized(e.getMessage()) + "."));
            }
        }
        router.templates().render(ctx, "incidents/queue.jte", queuePage(request, Optional.of(new IncidentQueuePage.BulkOutcome(described, results))));
    }

    private IncidentQueuePage.Result applyTo(String workspace, String incident, TriageAction action, String who) {
        long number = parseNumber(incident);
        try {
            Incident changed = action.apply(incidents, workspace, incident, Optional.empty(), who);
            return new IncidentQueuePage.Result(changed.number(), true, "Incident " + changed.number() + " " + action.done() + ".");
        } catch (IncidentException e) {
            return new IncidentQueuePage.Result(number, false, "Incident " + incident + " not changed: " + e.getMessage() + ".");
        }
    }

    private static long parseNumber(String incident) {
        try {
            return Long.parseLong(incident);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- an incident

    private Incident incident(ConsoleRequest request) {
        String workspace = request.workspace();
        String incident = request.ctx().pathParam("incident");
        try {
            return incidents.get(workspace, incident);
        } catch (IncidentNotFoundException e) {
            throw ConsolePageException.notFound("There is no incident '" + incident + "' in workspace '" + workspace + "'.");
        }
    }

    /** One action from the incident's page; the page comes back as it is now, with what the action did or why it could not. */
    private void act(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Incident before = incident(request);
        requireResponder(request, workspace);
        var ctx = request.ctx();
        AuditNotes.put(ctx, "incidentNumber", before.number());
        AuditNotes.put(ctx, "action", Optional.ofNullable(ctx.formParam("action")).orElse(""));
        Optional<String> etag = Optional.ofNullable(ctx.formParam("etag")).map(String::strip).filter(e -> !e.isEmpty());
        IncidentDetailPage.Notice notice;
        try {
            TriageAction action = TriageAction.fromForm(ctx, request.user().name());
            Incident changed = action.apply(incidents, workspace, before.name(), etag, request.user().name());
            awaitLogged(workspace);
            notice = new IncidentDetailPage.Notice("success", "Incident " + changed.number() + " " + action.done() + ".");
        } catch (IncidentEtagMismatchException e) {
            notice = new IncidentDetailPage.Notice("conflict", "Someone else changed this incident while you had it open, so your change was not "
                    + "applied. The page now shows the incident as it is; check it, then make your change again if it still applies.");
        } catch (IncidentException e) {
            notice = new IncidentDetailPage.Notice("error", capitalized(e.getMessage()) + ".");
        }
        router.templates().render(ctx, "incidents/incident.jte", detailPage(request, incidents.get(workspace, before.name()), Optional.of(notice)));
    }

    private IncidentDetailPage detailPage(ConsoleRequest request, Incident incident, Optional<IncidentDetailPage.Notice> notice) {
        String workspace = incident.workspaceId();
        List<IncidentDetailPage.RuleLink> ruleLinks = incident.relatedAnalyticRuleIds().stream().map(id -> new IncidentDetailPage.RuleLink(
                rules.find(workspace, id).map(AlertRule::displayName).orElse(id), AnalyticsPages.ruleHref(workspace, id))).toList();
        IncidentDetailPage.Summary summary = new IncidentDetailPage.Summary(incident.number(), incident.title(), incident.description(),
                incident.severity().sentinelName(), incident.status().sentinelName(),
                incident.owner().isAssigned() ? incident.owner().assignedTo() : "Unassigned", incident.owner().isAssigned(),
                DisplayTime.format(incident.createdTime()), DisplayTime.format(incident.lastModifiedTime()), incident.modifiedBy(),
                incident.lastActivityTime().map(DisplayTime::format).orElse("No alert activity"), products(incident), ruleLinks,
                incident.closure().map(IncidentPages::closure).orElse(""));
        List<IncidentDetailPage.Alert> alerts = incident.alerts().stream().map(IncidentPages::alert).toList();
        List<IncidentDetailPage.Comment> comments = incident.comments().stream().map(c -> new IncidentDetailPage.Comment(c.author(),
                DisplayTime.format(c.createdTime()), c.message())).toList();
        return new IncidentDetailPage(request.shell(Area.INCIDENTS, "Incident " + incident.number()), ConsolePaths.workspace(workspace) + "/incidents",
                summary, incident.etag(), alerts, entities.of(incident, request.user()), IncidentTimeline.of(logStore, incident), comments,
                permit(request, workspace), notice, href(workspace, incident.number()), QueueFilters.SEVERITIES,
                List.of(IncidentStatus.NEW.sentinelName(), IncidentStatus.ACTIVE.sentinelName()), ClosureChoice.ALL,
                PlaybookPages.runForm(services, request, workspace, incident.name()));
    }

    private static String closure(Closure closure) {
        return closure.classification().sentinelName() + closure.reason().map(r -> " (" + r.sentinelName() + ")").orElse("")
                + (closure.comment().isEmpty() ? "" : ": " + closure.comment());
    }

    private static IncidentDetailPage.Alert alert(IncidentAlert alert) {
        return new IncidentDetailPage.Alert(alert.displayName().isEmpty() ? alert.systemAlertId() : alert.displayName(),
                alert.alertSeverity().sentinelName(), alert.status(), alert.productName(), DisplayTime.format(alert.startTime()),
                String.join(", ", alert.tactics()));
    }

    /** Waits, briefly, for the changes' SecurityIncident rows: the page shown next reads its timeline and counts from them. */
    private void awaitLogged(String workspace) {
        try {
            incidents.allLogged(workspace).get(LOGGED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the change is stored; its row follows, and the page shows it on the next look
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
