package dev.vigil.server.api.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.access.Role;
import dev.vigil.server.api.IfMatch;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.automation.store.SavedAutomationRule;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's automation rules in the shape of Sentinel's {@code automationRules}: list, read,
 * create or replace (PUT, with an optional etag in {@code If-Match} or the body), delete. Any role
 * on the workspace reads; Contributor writes (Sentinel: Microsoft Sentinel Contributor).
 */
public final class AutomationRuleRoutes {
    static final String RULES = "/api/workspaces/{workspace}/automationRules";
    static final String RULE = RULES + "/{ruleId}";

    private final AutomationRules rules;
    private final ObjectMapper json;

    public AutomationRuleRoutes(AutomationRules rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(RULES, this::list);
        routes.get(RULE, this::read);
        routes.put(RULE, this::save);
        routes.delete(RULE, this::delete);
    }

    private void list(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(Map.of("value", rules.list(workspace).stream().map(AutomationRuleJson::write).toList()));
    }

    private void read(Context ctx) {
        AutomationRule rule = rules.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("ruleId"));
        ctx.header("ETag", rule.etag()).json(AutomationRuleJson.write(rule));
    }

    private void save(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        // malformed JSON goes to the error mapping, which reports its position
        JsonNode body = ctx.body().isBlank() ? null : json.readTree(ctx.body());
        Optional<String> etag = IfMatch.of(ctx).or(() -> AutomationRuleJson.etag(body));
        SavedAutomationRule saved = rules.save(workspace, ctx.pathParam("ruleId"), AutomationRuleJson.read(body), etag,
                Caller.of(ctx).principal().id());
        AuditNotes.put(ctx, "automationRule", saved.rule().id());
        ctx.header("ETag", saved.rule().etag()).status(saved.created() ? 201 : 200).json(AutomationRuleJson.write(saved.rule()));
    }

    private void delete(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        rules.delete(workspace, ctx.pathParam("ruleId"), IfMatch.of(ctx));
        AuditNotes.put(ctx, "automationRule", ctx.pathParam("ruleId"));
        ctx.status(200);
    }
}
