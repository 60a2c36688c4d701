package dev.vigil.server.console.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleEtagMismatchException;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.AlertSeverity;
import dev.vigil.soc.rule.IncidentCreationRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.KqlQueryException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Analytics: the Active rules list (filter and sort; enable, disable, duplicate, delete; health and
 * last run; Import of rule files), and a rule's page, which is the wizard for a Scheduled or NRT rule ({@link RuleWizardPages})
 * and {@link IncidentCreationRulePages} for a Microsoft Security rule.
 */
public final class AnalyticsPages {
    static final String LIST = ConsolePaths.WORKSPACE + "/analytics";
    static final String RULE = LIST + "/rules/{rule}";

    private final AlertRules rules;
    private final RuleHealth health;
    private final RuleWizardPages wizard;
    private final IncidentCreationRulePages incidentCreation;
    private final RuleTemplatePages templates;
    private final RuleImportPages imports;

    public AnalyticsPages(ConsoleServices services) {
        this.rules = services.rules();
        this.health = services.ruleHealth();
        this.wizard = new RuleWizardPages(services);
        this.incidentCreation = new IncidentCreationRulePages(services.rules());
        this.templates = new RuleTemplatePages(services);
        this.imports = new RuleImportPages(services.contentImport(), (request, workspace) -> activeRules(request, workspace, Optional.empty()));
    }

    public static String ruleHref(String workspace, String ruleId) {
        return listHref(workspace) + "/rules/" + ConsolePaths.encode(ruleId);
    }

    static String listHref(String workspace) {
        return ConsolePaths.workspace(workspace) + "/analytics";
    }

    static AnalyticsTabs tabs(String workspace, boolean templatesCurrent) {
        return new AnalyticsTabs(listHref(workspace), RuleTemplatePages.href(workspace), templatesCurrent);
    }

    public void register(ConsoleRouter router) {
        router.get(LIST, request -> list(router, request));
        router.post(RULE + "/enable", request -> setEnabled(router, request, true));
        router.post(RULE + "/disable", request -> setEnabled(router, request, false));
        router.post(RULE + "/duplicate", request -> duplicate(router, request));
        router.post(RULE + "/delete", request -> delete(router, request));
        router.get(RULE, request -> edit(router, request));
        router.post(RULE, request -> save(router, request));
        wizard.register(router);
        templates.register(router);
        imports.register(router);
    }

    private void list(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        ActiveRules active = activeRules(request, workspace, Optional.empty());
        router.templates().render(request.ctx(), "analytics/rules.jte", new ActiveRulesPage(request.shell(Area.ANALYTICS, "Analytics"), active,
                tabs(workspace, false), RuleWizardPages.newHref(workspace, AlertRuleKind.SCHEDULED), RuleWizardPages.newHref(workspace, AlertRuleKind.NRT),
                RuleImportPages.href(workspace)));
    }

    /** The list as the request's filter shows it: from the page's query, or from the filter form a button sends along. */
    private ActiveRules activeRules(ConsoleRequest request, String workspace, Optional<String> message) {
        var ctx = request.ctx();
        RuleFilter filter = RuleFilter.from(name -> Optional.ofNullable(ctx.queryParam(name)).orElseGet(() -> ctx.formParam(name)));
        List<AlertRule> all = rules.list(workspace);
        List<ActiveRules.Row> rows = filter.apply(all.stream().map(rule -> row(workspace, rule)).toList());
        return new ActiveRules(rows, all.size(), all.stream().filter(AlertRule::enabled).count(), filter, RuleChanges.permit(request, workspace), message,
                listHref(workspace));
    }

    private ActiveRules.Row row(String workspace, AlertRule rule) {
        Optional<RuleRun> lastRun = health.lastRun(workspace, rule.id());
        String base = ruleHref(workspace, rule.id());
        return new ActiveRules.Row(rule.id(), rule.displayName(), severity(rule.properties()), severityRank(rule.properties()), kindLabel(rule.kind()),
                rule.enabled(), lastRun.map(run -> DisplayTime.format(run.endTime())).orElse("Not run yet"), lastRun.map(RuleRun::endTime).orElse(null),
                lastRun.map(run -> run.status().name()).orElse(""),
                lastRun.flatMap(RuleRun::message).orElse(lastRun.map(run -> run.resultCount() + " results, " + run.alertsGenerated() + " alerts").orElse("")),
                DisplayTime.format(rule.lastModifiedUtc()), rule.lastModifiedUtc(), base, base + "/enable", base + "/disable", base + "/duplicate",
                base + "/delete");
    }

    static String kindLabel(AlertRuleKind kind) {
        return switch (kind) {
            case SCHEDULED -> "Scheduled";
            case NRT -> "NRT";
            case MICROSOFT_SECURITY_INCIDENT_CREATION -> "Microsoft Security";
        };
    }

    static String severity(AlertRuleProperties properties) {
        if (properties instanceof QueryRuleProperties query) {
            return query.detection().severity().name();
        }
        IncidentCreationRuleProperties filter = (IncidentCreationRuleProperties) properties;
        return filter.severitiesFilter().isEmpty() ? "From alert" : String.join(", ", filter.severitiesFilter().stream().map(Enum::name).toList());
    }

    private static int severityRank(AlertRuleProperties properties) {
        return properties instanceof QueryRuleProperties query ? query.detection().severity().ordinal() : -1;
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

    /**
     * Saves a copy of the rule under a new id, named "… - Copy" and disabled, so that it raises nothing
     * twice until it is edited and enabled; the copy is the user's own, no longer made from a template.
     */
    private void duplicate(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Optional<String> message = change(request, workspace, () -> {
            AlertRule rule = rules.get(workspace, request.ctx().pathParam("rule"));
            ObjectNode body = AlertRuleJson.writeBody(rule.properties());
            ObjectNode properties = (ObjectNode) body.get("properties");
            String name = rule.displayName() + " - Copy";
            properties.put("displayName", name);
            properties.put("enabled", false);
            properties.remove("alertRuleTemplateName");
            rules.save(workspace, UUID.randomUUID().toString(), AlertRuleJson.read(body), Optional.empty());
            return "'" + name + "' is created, disabled: edit it, then enable it.";
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
    private static Optional<String> change(ConsoleRequest request, String workspace, Supplier<String> action) {
        Permit permit = RuleChanges.permit(request, workspace);
        if (!permit.allowed()) {
            return Optional.of(permit.reason());
        }
        RuleChanges.require(request, workspace, request.ctx().pathParam("rule"));
        try {
            return Optional.of(action.get());
        } catch (AlertRuleEtagMismatchException e) {
            return Optional.of("The rule changed meanwhile; try again. (" + e.getMessage() + ")");
        } catch (InvalidAlertRuleException e) {
            return Optional.of("The rule cannot be saved: " + e.getMessage());
        } catch (KqlQueryException e) {
            return Optional.of("The rule's query does not compile any more: " + e.getMessage());
        }
    }

    private void edit(ConsoleRouter router, ConsoleRequest request) {
        AlertRule rule = rules.get(request.workspace(), request.ctx().pathParam("rule"));
        if (rule.properties() instanceof QueryRuleProperties) {
            wizard.edit(router, request, rule);
        } else {
            incidentCreation.edit(router, request, rule);
        }
    }

    private void save(ConsoleRouter router, ConsoleRequest request) {
        AlertRule rule = rules.get(request.workspace(), request.ctx().pathParam("rule"));
        if (rule.properties() instanceof QueryRuleProperties) {
            wizard.save(router, request, rule);
        } else {
            incidentCreation.save(router, request, rule);
        }
    }

    static List<String> severities() {
        return java.util.Arrays.stream(AlertSeverity.values()).map(Enum::name).toList();
    }
}
