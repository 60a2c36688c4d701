package dev.vigil.server.api.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.IfMatch;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.store.SavedAlertRule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's analytics rules in the shape of Sentinel's {@code alertRules}: list, read, create or
 * replace (PUT, with an optional etag in the body or {@code If-Match}), delete.
 */
final class AlertRuleRoutes {
    static final String RULES = "/api/workspaces/{workspace}/alertRules";
    static final String RULE = RULES + "/{ruleId}";

    private final AlertRules rules;
    private final RuleViews views;

    AlertRuleRoutes(AlertRules rules, RuleViews views) {
        this.rules = rules;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get(RULES, this::list);
        routes.get(RULE, this::read);
        routes.put(RULE, this::save);
        routes.delete(RULE, this::delete);
    }

    private void list(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        ctx.json(Map.of("value", rules.list(ctx.pathParam("workspace")).stream().map(views::of).toList()));
    }

    private void read(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        AlertRule rule = rules.get(ctx.pathParam("workspace"), ctx.pathParam("ruleId"));
        ctx.header("ETag", rule.etag()).json(views.of(rule));
    }

    private void save(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        Optional<String> etag = IfMatch.of(ctx).or(() -> AlertRuleJson.etag(body));
        SavedAlertRule saved = rules.save(workspace, ctx.pathParam("ruleId"), AlertRuleJson.read(body), etag);
        ctx.header("ETag", saved.rule().etag()).status(saved.created() ? 201 : 200).json(views.of(saved.rule()));
    }

    private void delete(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.CONTRIBUTOR);
        rules.delete(ctx.pathParam("workspace"), ctx.pathParam("ruleId"), IfMatch.of(ctx));
        ctx.status(200);
    }
}
