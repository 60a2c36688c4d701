package dev.vigil.server.console.analytics;

import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleEtagMismatchException;
import dev.vigil.soc.rule.AlertSeverity;
import dev.vigil.soc.rule.IncidentCreationRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.store.AlertRules;
import java.util.List;
import java.util.Optional;

/** A Microsoft Security rule's page: its name, description, enabled, and which alert severities make incidents. */
final class IncidentCreationRulePages {
    private final AlertRules rules;

    IncidentCreationRulePages(AlertRules rules) {
        this.rules = rules;
    }

    void edit(ConsoleRouter router, ConsoleRequest request, AlertRule rule) {
        IncidentCreationRuleProperties properties = (IncidentCreationRuleProperties) rule.properties();
        router.templates().render(request.ctx(), "analytics/rule.jte",
                page(request, rule, properties, Optional.empty(), request.ctx().queryParam("saved") != null));
    }

    void save(ConsoleRouter router, ConsoleRequest request, AlertRule rule) {
        String workspace = request.workspace();
        IncidentCreationRuleProperties edited = edited(request, (IncidentCreationRuleProperties) rule.properties());
        Permit permit = RuleChanges.permit(request, workspace);
        Optional<String> error;
        if (!permit.allowed()) {
            error = Optional.of(permit.reason());
        } else {
            RuleChanges.require(request, workspace, rule.id());
            try {
                rules.save(workspace, rule.id(), edited, Optional.ofNullable(request.ctx().formParam("etag")));
                request.redirect(AnalyticsPages.ruleHref(workspace, rule.id()) + "?saved");
                return;
            } catch (InvalidAlertRuleException | AlertRuleEtagMismatchException e) {
                error = Optional.of(e.getMessage());
            }
        }
        router.templates().render(request.ctx(), "analytics/rule.jte", page(request, rule, edited, error, false));
    }

    private static RuleEditPage page(ConsoleRequest request, AlertRule rule, IncidentCreationRuleProperties shown, Optional<String> error, boolean saved) {
        String workspace = request.workspace();
        return new RuleEditPage(request.shell(Area.ANALYTICS, rule.displayName()), rule.id(), AnalyticsPages.kindLabel(rule.kind()), rule.etag(),
                shown.displayName(), shown.description(), shown.enabled(), AnalyticsPages.severities(), shown.productFilter(),
                shown.severitiesFilter().stream().map(Enum::name).toList(), RuleChanges.permit(request, workspace), error, saved,
                AnalyticsPages.ruleHref(workspace, rule.id()), AnalyticsPages.listHref(workspace));
    }

    /** The rule with the form's changes: its general settings and the severities that pass. */
    private static IncidentCreationRuleProperties edited(ConsoleRequest request, IncidentCreationRuleProperties before) {
        var ctx = request.ctx();
        String name = Optional.ofNullable(ctx.formParam("name")).map(String::strip).filter(n -> !n.isEmpty()).orElse(before.displayName());
        String description = Optional.ofNullable(ctx.formParam("description")).orElse(before.description());
        boolean enabled = ctx.formParam("enabled") != null;
        List<AlertSeverity> severities = ctx.formParams("severityFilter").stream().flatMap(s -> AlertSeverity.parse(s).stream()).toList();
        return new IncidentCreationRuleProperties(name, description, enabled, before.alertRuleTemplateName(), before.productFilter(), severities,
                before.displayNamesFilter(), before.displayNamesExcludeFilter());
    }
}
