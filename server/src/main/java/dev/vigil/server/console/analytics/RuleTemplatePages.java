package dev.vigil.server.console.analytics;

import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.store.SavedAlertRule;
import dev.vigil.soc.rule.template.AlertRuleTemplate;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The Rule templates tab: the gallery with each template's severity, type, data sources and how many
 * of the workspace's rules were made from it; a details pane; and Create rule, which opens the
 * wizard filled from a Scheduled or NRT template, or makes a Microsoft Security rule directly.
 */
final class RuleTemplatePages {
    private static final String TEMPLATES = AnalyticsPages.LIST + "/templates";

    private final AlertRuleTemplates templates;
    private final AlertRules rules;

    RuleTemplatePages(ConsoleServices services) {
        this.templates = services.ruleTemplates();
        this.rules = services.rules();
    }

    static String href(String workspace) {
        return AnalyticsPages.listHref(workspace) + "/templates";
    }

    void register(ConsoleRouter router) {
        router.get(TEMPLATES, request -> gallery(router, request));
        router.post(TEMPLATES + "/{template}/create", this::createIncidentCreationRule);
    }

    private void gallery(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        String search = Optional.ofNullable(request.ctx().queryParam("search")).map(String::strip).orElse("");
        String selectedId = Optional.ofNullable(request.ctx().queryParam("template")).orElse("");
        List<AlertRule> existing = rules.list(workspace);
        List<RuleTemplatesPage.Row> rows = templates.list().stream()
                .filter(t -> search.isEmpty() || t.properties().displayName().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))
                .map(t -> new RuleTemplatesPage.Row(t.id(), t.properties().displayName(), AnalyticsPages.severity(t.properties()),
                        AnalyticsPages.kindLabel(t.kind()), String.join(", ", t.requiredDataConnectors().stream()
                                .flatMap(c -> c.dataTypes().stream()).distinct().toList()), madeFrom(existing, t),
                        selectHref(workspace, t.id(), search), t.id().equalsIgnoreCase(selectedId)))
                .toList();
        Optional<RuleTemplatesPage.Details> selected = templates.find(selectedId).map(t -> details(workspace, t, madeFrom(existing, t)));
        router.templates().render(request.ctx(), "analytics/templates.jte", new RuleTemplatesPage(request.shell(Area.ANALYTICS, "Rule templates"),
                AnalyticsPages.tabs(workspace, true), search, rows, templates.list().size(), selected, RuleChanges.permit(request, workspace),
                href(workspace)));
    }

    private static String selectHref(String workspace, String templateId, String search) {
        return href(workspace) + "?template=" + ConsolePaths.encode(templateId) + (search.isEmpty() ? "" : "&search=" + ConsolePaths.encode(search));
    }

    private static RuleTemplatesPage.Details details(String workspace, AlertRuleTemplate template, long rulesCreated) {
        var properties = template.properties();
        Optional<QueryRuleProperties> query = properties instanceof QueryRuleProperties q ? Optional.of(q) : Optional.empty();
        Optional<String> schedule = properties instanceof ScheduledRuleProperties s
                ? Optional.of("Runs every " + words(s.schedule().queryFrequency()) + " over the last " + words(s.schedule().queryPeriod())
                        + "; alerts when the results " + RuleChoices.triggerOperatorLabel(s.schedule().triggerOperator().name()).toLowerCase(Locale.ROOT)
                        + " " + s.schedule().triggerThreshold() + ".")
                : Optional.empty();
        return new RuleTemplatesPage.Details(template.id(), properties.displayName(), AnalyticsPages.kindLabel(template.kind()),
                AnalyticsPages.severity(properties), properties.description(),
                query.map(q -> q.detection().tactics().stream().map(RuleChoices::spaced).toList()).orElse(List.of()),
                query.map(q -> q.detection().techniques()).orElse(List.of()), query.map(q -> q.detection().query()), schedule,
                template.requiredDataConnectors().stream().map(c -> c.connectorId() + " (" + String.join(", ", c.dataTypes()) + ")").toList(),
                rulesCreated, query.map(q -> RuleWizardPages.fromTemplateHref(workspace, template.id())),
                href(workspace) + "/" + ConsolePaths.encode(template.id()) + "/create", template.version());
    }

    /** "5 minutes", "1 hour", "2 days". */
    private static String words(Duration duration) {
        DurationField field = DurationField.of(duration);
        String unit = field.unit().toLowerCase(Locale.ROOT);
        return field.amount() + " " + (field.amount().equals("1") ? unit.substring(0, unit.length() - 1) : unit);
    }

    private static long madeFrom(List<AlertRule> rules, AlertRuleTemplate template) {
        return rules.stream().filter(r -> r.properties().alertRuleTemplateName().filter(template.id()::equalsIgnoreCase).isPresent()).count();
    }

    /** Create rule for a Microsoft Security template: the rule it makes has nothing to set beforehand; its page edits it afterwards. */
    private void createIncidentCreationRule(ConsoleRequest request) {
        String workspace = request.workspace();
        AlertRuleTemplate template = templates.find(request.ctx().pathParam("template"))
                .orElseThrow(() -> ConsolePageException.notFound("There is no rule template '" + request.ctx().pathParam("template") + "'."));
        Permit permit = RuleChanges.permit(request, workspace);
        if (!permit.allowed()) {
            throw new ConsolePageException(403, "Not allowed", permit.reason());
        }
        String ruleId = UUID.randomUUID().toString();
        RuleChanges.require(request, workspace, ruleId);
        SavedAlertRule saved = rules.save(workspace, ruleId, templates.ruleFrom(template.id(), true), Optional.empty());
        request.redirect(AnalyticsPages.ruleHref(workspace, saved.rule().id()) + "?saved");
    }
}
