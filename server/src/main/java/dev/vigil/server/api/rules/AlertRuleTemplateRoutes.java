package dev.vigil.server.api.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.store.SavedAlertRule;
import dev.vigil.soc.rule.template.AlertRuleTemplate;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The template gallery of a workspace, and making a rule from a template. */
final class AlertRuleTemplateRoutes {
    static final String TEMPLATES = "/api/workspaces/{workspace}/alertRuleTemplates";
    static final String TEMPLATE = TEMPLATES + "/{templateId}";
    static final String CREATE_RULE = TEMPLATE + "/createRule";

    private final AlertRuleTemplates templates;
    private final AlertRules rules;
    private final RuleViews views;

    AlertRuleTemplateRoutes(AlertRuleTemplates templates, AlertRules rules, RuleViews views) {
        this.templates = templates;
        this.rules = rules;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get(TEMPLATES, this::list);
        routes.get(TEMPLATE, this::read);
        routes.post(CREATE_RULE, this::createRule);
    }

    private void list(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        List<AlertRule> existing = rules.list(workspace);
        ctx.json(Map.of("value", templates.list().stream().map(t -> AlertRuleTemplates.write(t, madeFrom(existing, t))).toList()));
    }

    private void read(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        AlertRuleTemplate template = templates.get(ctx.pathParam("templateId"));
        ctx.json(AlertRuleTemplates.write(template, madeFrom(rules.list(workspace), template)));
    }

    /** Body (optional): {@code {"ruleId": "...", "enabled": true}}; the rule id defaults to a new GUID. */
    private void createRule(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        JsonNode body = ctx.body().isBlank() ? null : ctx.bodyAsClass(JsonNode.class);
        String ruleId = body != null && body.hasNonNull("ruleId") ? body.get("ruleId").asText() : UUID.randomUUID().toString();
        boolean enabled = body == null || !body.hasNonNull("enabled") || body.get("enabled").asBoolean();
        SavedAlertRule saved = rules.save(workspace, ruleId, templates.ruleFrom(ctx.pathParam("templateId"), enabled), Optional.empty());
        ctx.header("ETag", saved.rule().etag()).status(saved.created() ? 201 : 200).json(views.of(saved.rule()));
    }

    private static long madeFrom(List<AlertRule> rules, AlertRuleTemplate template) {
        return rules.stream().filter(r -> r.properties().alertRuleTemplateName().filter(template.id()::equalsIgnoreCase).isPresent()).count();
    }
}
