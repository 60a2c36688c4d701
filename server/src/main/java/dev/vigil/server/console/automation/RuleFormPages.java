package dev.vigil.server.console.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.analytics.FieldError;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.soc.automation.ActionNotAvailableException;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.AutomationRuleException;
import dev.vigil.soc.automation.AutomationRuleNotFoundException;
import dev.vigil.soc.automation.InvalidAutomationRuleException;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.store.Playbooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The automation rule form: create and edit a rule field by field. A save goes through the API's
 * own reading and store, so it is refused with the same errors, shown beside the field whose
 * JSON path they name; a change needs Contributor, a Reader sees the form disabled with the reason.
 */
public final class RuleFormPages {
    private static final String NEW = AutomationPages.LIST + "/new-rule";
    private static final String RULE = AutomationPages.LIST + "/rules/{rule}";
    private static final String REFRESH = AutomationPages.LIST + "/rule-form";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_RULE = """
            {"properties": {"displayName": "", "order": 1,
              "triggeringLogic": {"isEnabled": true, "triggersOn": "Incidents", "triggersWhen": "Created", "conditions": []},
              "actions": [{"order": 1, "actionType": "ModifyProperties", "actionConfiguration": {}}]}}""";

    private final AutomationRules rules;
    private final Playbooks playbooks;

    public RuleFormPages(ConsoleServices services) {
        this.rules = services.automation().rules();
        this.playbooks = services.automation().playbooks();
    }

    public void register(ConsoleRouter router) {
        router.get(NEW, request -> render(router, request, read(NEW_RULE), Optional.empty(), Optional.empty(), Optional.empty()));
        router.post(NEW, request -> save(router, request, Optional.empty()));
        router.get(RULE, request -> {
            AutomationRule rule = rule(request);
            Optional<String> saved = Optional.ofNullable(request.ctx().queryParam("saved")).map(flag -> "Saved.");
            render(router, request, AutomationRuleJson.write(rule), Optional.of(rule), Optional.empty(), saved);
        });
        router.post(RULE, request -> save(router, request, Optional.of(rule(request))));
        router.post(REFRESH, request -> {
            ObjectNode body = RuleFormBody.fromForm(request.ctx().formParamMap());
            RuleFormBody.apply(body, request.ctx().formParam("action"));
            Optional<AutomationRule> rule = Optional.ofNullable(request.ctx().formParam("ruleId")).filter(id -> !id.isEmpty())
                    .flatMap(id -> rules.list(request.workspace()).stream().filter(r -> r.id().equals(id)).findFirst());
            render(router, request, body, rule, Optional.empty(), Optional.empty());
        });
    }

    private AutomationRule rule(ConsoleRequest request) {
        try {
            return rules.get(request.workspace(), request.ctx().pathParam("rule"));
        } catch (AutomationRuleNotFoundException e) {
            throw ConsolePageException.notFound(e.getMessage());
        }
    }

    private void save(ConsoleRouter router, ConsoleRequest request, Optional<AutomationRule> existing) {
        String workspace = request.workspace();
        ObjectNode body = RuleFormBody.fromForm(request.ctx().formParamMap());
        Permit permit = AutomationPages.permit(request, workspace);
        if (!permit.allowed()) {
            render(router, request, body, existing, Optional.of(new FieldError("", permit.reason())), Optional.empty());
            return;
        }
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        String id = existing.map(AutomationRule::id).orElseGet(() -> Optional.ofNullable(request.ctx().formParam("id")).orElse("").strip());
        AuditNotes.put(request.ctx(), "automationRule", id);
        try {
            if (id.isEmpty()) {
                throw new InvalidAutomationRuleException("id", "is required: the rule's name in the API (automationRules/{id})");
            }
            Optional<String> etag = existing.map(rule -> Optional.ofNullable(request.ctx().formParam("etag")).orElse(rule.etag()))
                    .map(tag -> tag.replace("\"", ""));
            AutomationRule saved = rules.save(workspace, id, AutomationRuleJson.read(body), etag, request.user().name()).rule();
            request.redirect(AutomationPages.listHref(workspace) + "/rules/" + ConsolePaths.encode(saved.id()) + "?saved=1");
        } catch (AutomationRuleException e) {
            render(router, request, body, existing, Optional.of(fieldError(e)), Optional.empty());
        }
    }

    /** The refusal at the JSON path it names, its message without the path it starts with. */
    static FieldError fieldError(AutomationRuleException e) {
        String path = e instanceof InvalidAutomationRuleException invalid ? invalid.path()
                : e instanceof ActionNotAvailableException ? String.valueOf(e.innerError().get("path")) : "";
        String message = !path.isEmpty() && e.getMessage().startsWith(path + ": ") ? e.getMessage().substring(path.length() + 2) : e.getMessage();
        return new FieldError(path, message);
    }

    private void render(ConsoleRouter router, ConsoleRequest request, JsonNode body, Optional<AutomationRule> rule, Optional<FieldError> error,
            Optional<String> saved) {
        String workspace = request.workspace();
        String list = AutomationPages.listHref(workspace);
        String ruleHref = rule.map(r -> list + "/rules/" + ConsolePaths.encode(r.id())).orElse(list + "/new-rule");
        String heading = rule.map(r -> "Edit automation rule").orElse("Create automation rule");
        String etag = rule.map(r -> Optional.ofNullable(request.ctx().formParam("etag")).filter(tag -> !tag.isEmpty()).orElse(r.etag())).orElse("");
        RuleFormPage page = RuleFormPage.of(body, request.shell(Area.AUTOMATION, rule.map(AutomationRule::displayName).orElse(heading)),
                AutomationPages.tabs(workspace, false), heading, rule.map(AutomationRule::id), AutomationPages.typedId(request), etag,
                playbooks.list(workspace).stream().map(Playbook::name).sorted().toList(), error, saved, AutomationPages.permit(request, workspace),
                ruleHref, list + "/rule-form", ruleHref + "/json", list);
        router.templates().render(request.ctx(), "automation/ruleForm.jte", page);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
