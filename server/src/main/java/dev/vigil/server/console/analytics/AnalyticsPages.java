package dev.vigil.server.console.analytics;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.server.console.logs.LogsPages;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleEtagMismatchException;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.AlertSeverity;
import dev.vigil.soc.rule.IncidentCreationRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.NrtRuleProperties;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.KqlQueryException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Analytics: the Active rules list (enable, disable, delete, health and last run) and a rule's edit page. */
public final class AnalyticsPages {
    private static final String LIST = ConsolePaths.WORKSPACE + "/analytics";
    private static final String RULE = LIST + "/rules/{rule}";
    private static final List<String> SEVERITIES = Arrays.stream(AlertSeverity.values()).map(Enum::name).toList();

    private final AlertRules rules;
    private final RuleHealth health;

    public AnalyticsPages(ConsoleServices services) {
        this.rules = services.rules();
        this.health = services.ruleHealth();
    }

    public static String ruleHref(String workspace, String ruleId) {
        return ConsolePaths.workspace(workspace) + "/analytics/rules/" + ConsolePaths.encode(ruleId);
    }

    public void register(ConsoleRouter router) {
        router.get(LIST, request -> list(router, request));
        router.post(RULE + "/enable", request -> setEnabled(router, request, true));
        router.post(RULE + "/disable", request -> setEnabled(router, request, false));
        router.post(RULE + "/delete", request -> delete(router, request));
        router.get(RULE, request -> edit(router, request));
        router.post(RULE, request -> save(router, request));
    }

    private void list(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        ActiveRules active = activeRules(request, workspace, Optional.empty());
        long enabled = active.rows().stream().filter(ActiveRules.Row::enabled).count();
        router.templates().render(request.ctx(), "analytics/rules.jte", new ActiveRulesPage(request.shell(Area.ANALYTICS, "Analytics"), active, enabled));
    }

    private ActiveRules activeRules(ConsoleRequest request, String workspace, Optional<String> message) {
        List<ActiveRules.Row> rows = rules.list(workspace).stream()
                .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()))
                .map(rule -> row(workspace, rule)).toList();
        return new ActiveRules(rows, permit(request, workspace), message);
    }

    private static Permit permit(ConsoleRequest request, String workspace) {
        return request.user().permit(Scope.workspace(workspace), Role.CONTRIBUTOR);
    }

    private ActiveRules.Row row(String workspace, AlertRule rule) {
        Optional<RuleRun> lastRun = health.lastRun(workspace, rule.id());
        String base = ruleHref(workspace, rule.id());
        return new ActiveRules.Row(rule.id(), rule.displayName(), severity(rule.properties()), kindLabel(rule.kind()), rule.enabled(),
                lastRun.map(run -> DisplayTime.format(run.endTime())).orElse("Not run yet"),
                lastRun.map(run -> run.status().name()).orElse(""),
                lastRun.flatMap(RuleRun::message).orElse(lastRun.map(run -> run.resultCount() + " results, " + run.alertsGenerated() + " alerts").orElse("")),
                DisplayTime.format(rule.lastModifiedUtc()), base, base + "/enable", base + "/disable", base + "/delete");
    }

    static String kindLabel(AlertRuleKind kind) {
        return switch (kind) {
            case SCHEDULED -> "Scheduled";
            case NRT -> "NRT";
            case MICROSOFT_SECURITY_INCIDENT_CREATION -> "Microsoft Security";
        };
    }

    private static String severity(AlertRuleProperties properties) {
        if (properties instanceof QueryRuleProperties query) {
            return query.detection().severity().name();
        }
        IncidentCreationRuleProperties filter = (IncidentCreationRuleProperties) properties;
        return filter.severitiesFilter().isEmpty() ? "From alert" : String.join(", ", filter.severitiesFilter().stream().map(Enum::name).toList());
    }

    private void setEnabled(ConsoleRouter router, ConsoleRequest request, boolean enabled) {
        String workspace = request.workspace();
        Optional<String> message = change(request, workspace, () -> {
            AlertRule rule = rules.get(workspace, request.ctx().pathParam("rule"));
            rules.save(workspace, rule.id(), rule.properties().withEnabled(enabled), Optional.of(rule.etag()));
            return "'" + rule.displayName() + "' is " + (enabled ? "enabled." : "disabled.");
        });
        router.templates().render(request.ctx(), "analytics/activeRules.jte", activeRules(request, workspace, message));
    }

    private void delete(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Optional<String> message = change(request, workspace, () -> {
            AlertRule rule = rules.get(workspace, request.ctx().pathParam("rule"));
            rules.delete(workspace, rule.id(), Optional.of(rule.etag()));
            return "'" + rule.displayName() + "' is deleted.";
        });
        router.templates().render(request.ctx(), "analytics/activeRules.jte", activeRules(request, workspace, message));
    }

    /** Runs a change the user may make, after the API's own check; answers what it did, or why it could not. */
    private static Optional<String> change(ConsoleRequest request, String workspace, java.util.function.Supplier<String> action) {
        Permit permit = permit(request, workspace);
        if (!permit.allowed()) {
            return Optional.of(permit.reason());
        }
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        AuditNotes.put(request.ctx(), "rule", request.ctx().pathParam("rule"));
        try {
            return Optional.of(action.get());
        } catch (AlertRuleEtagMismatchException e) {
            return Optional.of("The rule changed meanwhile; try again. (" + e.getMessage() + ")");
        }
    }

    private void edit(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        AlertRule rule = rules.get(workspace, request.ctx().pathParam("rule"));
        router.templates().render(request.ctx(), "analytics/rule.jte",
                editPage(request, workspace, rule, rule.properties(), Optional.empty(), request.ctx().queryParam("saved") != null));
    }

    private RuleEditPage editPage(ConsoleRequest request, String workspace, AlertRule rule, AlertRuleProperties shown, Optional<String> error,
            boolean saved) {
        Optional<String> query = shown instanceof QueryRuleProperties q ? Optional.of(q.detection().query()) : Optional.empty();
        String severity = shown instanceof QueryRuleProperties q ? q.detection().severity().name() : "";
        Optional<String> product = shown instanceof IncidentCreationRuleProperties i ? Optional.of(i.productFilter()) : Optional.empty();
        List<String> severityFilter = shown instanceof IncidentCreationRuleProperties i ? i.severitiesFilter().stream().map(Enum::name).toList() : List.of();
        return new RuleEditPage(request.shell(Area.ANALYTICS, rule.displayName()), rule.id(), kindLabel(rule.kind()), rule.etag(), shown.displayName(),
                shown.description(), shown.enabled(), query, severity, SEVERITIES, product, severityFilter, permit(request, workspace), error, saved,
                ruleHref(workspace, rule.id()), Area.ANALYTICS.href(workspace).orElseThrow(), query.map(q -> LogsPages.href(workspace, q)).orElse(""));
    }

    private void save(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        AlertRule rule = rules.get(workspace, request.ctx().pathParam("rule"));
        AlertRuleProperties edited = edited(request, rule.properties());
        Permit permit = permit(request, workspace);
        Optional<String> error = Optional.empty();
        if (!permit.allowed()) {
            error = Optional.of(permit.reason());
        } else {
            Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
            AuditNotes.put(request.ctx(), "rule", rule.id());
            try {
                rules.save(workspace, rule.id(), edited, Optional.ofNullable(request.ctx().formParam("etag")));
                String saved = ruleHref(workspace, rule.id()) + "?saved";
                if (request.fromHtmx()) {
                    request.ctx().header("HX-Redirect", saved);
                    request.ctx().status(204);
                } else {
                    request.ctx().redirect(saved);
                }
                return;
            } catch (KqlQueryException e) {
                error = Optional.of("The query does not compile: " + e.getMessage());
            } catch (InvalidAlertRuleException | AlertRuleEtagMismatchException e) {
                error = Optional.of(e.getMessage());
            }
        }
        request.ctx().status(200);
        router.templates().render(request.ctx(), "analytics/rule.jte", editPage(request, workspace, rule, edited, error, false));
    }

    /** The rule's properties with the form's changes: general settings, and the query and severity or the severity filter. */
    private static AlertRuleProperties edited(ConsoleRequest request, AlertRuleProperties before) {
        var ctx = request.ctx();
        String name = Optional.ofNullable(ctx.formParam("name")).map(String::strip).filter(n -> !n.isEmpty()).orElse(before.displayName());
        String description = Optional.ofNullable(ctx.formParam("description")).orElse(before.description());
        boolean enabled = ctx.formParam("enabled") != null;
        if (before instanceof QueryRuleProperties query) {
            String text = Optional.ofNullable(ctx.formParam("query")).orElse(query.detection().query());
            AlertSeverity severity = AlertSeverity.parse(ctx.formParam("severity")).orElse(query.detection().severity());
            var detection = query.detection().withQuery(text).withSeverity(severity);
            if (query instanceof ScheduledRuleProperties s) {
                return new ScheduledRuleProperties(name, description, enabled, s.alertRuleTemplateName(), detection, s.schedule());
            }
            NrtRuleProperties n = (NrtRuleProperties) query;
            return new NrtRuleProperties(name, description, enabled, n.alertRuleTemplateName(), detection);
        }
        IncidentCreationRuleProperties i = (IncidentCreationRuleProperties) before;
        List<AlertSeverity> severities = ctx.formParams("severityFilter").stream().flatMap(s -> AlertSeverity.parse(s).stream()).toList();
        return new IncidentCreationRuleProperties(name, description, enabled, i.alertRuleTemplateName(), i.productFilter(), severities,
                i.displayNamesFilter(), i.displayNamesExcludeFilter());
    }
}
