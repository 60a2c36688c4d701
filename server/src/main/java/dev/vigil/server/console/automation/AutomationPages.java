package dev.vigil.server.console.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.automation.AutomationAction;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.AutomationRuleDefinition;
import dev.vigil.soc.automation.AutomationRuleException;
import dev.vigil.soc.automation.AutomationRuleNotFoundException;
import dev.vigil.soc.automation.InvalidAutomationRuleException;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.store.AutomationRules;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Automation: the rules of a workspace in the order they run, enabled and disabled in place,
 * deleted, and created or edited as the API's JSON (with the path of a refused value); the form
 * editor is {@link RuleFormPages}. Changes need
 * Contributor, as in the API; a Reader sees the controls disabled with the reason.
 */
public final class AutomationPages {
    static final String LIST = ConsolePaths.WORKSPACE + "/automation";
    private static final String RULE = LIST + "/rules/{rule}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_RULE = """
            {
              "properties": {
                "displayName": "",
                "order": 1,
                "triggeringLogic": {
                  "isEnabled": true,
                  "triggersOn": "Incidents",
                  "triggersWhen": "Created",
                  "conditions": []
                },
                "actions": [
                  {"order": 1, "actionType": "ModifyProperties", "actionConfiguration": {"labels": [{"labelName": "automated"}]}}
                ]
              }
            }""";

    private final AutomationRules rules;

    public AutomationPages(ConsoleServices services) {
        this.rules = services.automation().rules();
    }

    static String listHref(String workspace) {
        return ConsolePaths.workspace(workspace) + "/automation";
    }

    static AutomationTabs tabs(String workspace, boolean playbooksCurrent) {
        return new AutomationTabs(listHref(workspace), PlaybookPages.listHref(workspace), playbooksCurrent);
    }

    static Permit permit(ConsoleRequest request, String workspace) {
        return request.user().permit(Scope.workspace(workspace), Role.CONTRIBUTOR);
    }

    public void register(ConsoleRouter router) {
        router.get(LIST, request -> list(router, request));
        router.get(LIST + "/new-rule/json", request -> edit(router, request, Optional.empty(), NEW_RULE, Optional.empty(), Optional.empty()));
        router.post(LIST + "/new-rule/json", request -> save(router, request, Optional.empty()));
        router.get(RULE + "/json", request -> {
            AutomationRule rule = rule(request);
            edit(router, request, Optional.of(rule.id()), pretty(AutomationRuleJson.write(rule)), Optional.empty(), Optional.empty());
        });
        router.post(RULE + "/json", request -> save(router, request, Optional.of(request.ctx().pathParam("rule"))));
        router.post(RULE + "/enable", request -> setEnabled(router, request, true));
        router.post(RULE + "/disable", request -> setEnabled(router, request, false));
        router.post(RULE + "/delete", request -> delete(router, request));
    }

    private AutomationRule rule(ConsoleRequest request) {
        try {
            return rules.get(request.workspace(), request.ctx().pathParam("rule"));
        } catch (AutomationRuleNotFoundException e) {
            throw ConsolePageException.notFound(e.getMessage());
        }
    }

    private void list(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        router.templates().render(request.ctx(), "automation/rules.jte", new AutomationRulesPage(request.shell(Area.AUTOMATION, "Automation"),
                tabs(workspace, false), ruleList(request, workspace, Optional.empty()), listHref(workspace) + "/new-rule"));
    }

    private RuleList ruleList(ConsoleRequest request, String workspace, Optional<String> message) {
        List<RuleList.Row> rows = rules.list(workspace).stream().map(rule -> row(workspace, rule)).toList();
        return new RuleList(rows, permit(request, workspace), message);
    }

    private static RuleList.Row row(String workspace, AutomationRule rule) {
        String base = listHref(workspace) + "/rules/" + ConsolePaths.encode(rule.id());
        String trigger = "When " + (rule.triggeringLogic().triggersOn().name().equals("Alerts") ? "an alert is" : "an incident is") + " "
                + rule.triggeringLogic().triggersWhen().name().toLowerCase(java.util.Locale.ROOT);
        String actions = String.join(", ", rule.actions().stream().map(AutomationPages::describe).toList());
        return new RuleList.Row(rule.id(), rule.order(), rule.displayName(), trigger, rule.triggeringLogic().conditions().size(), actions,
                rule.triggeringLogic().isEnabled(), DisplayTime.format(rule.lastModifiedTimeUtc()), base, base + "/enable", base + "/disable",
                base + "/delete");
    }

    private static String describe(AutomationAction action) {
        if (action instanceof AutomationAction.RunPlaybook run) {
            return "Run playbook " + run.playbook();
        }
        if (action instanceof AutomationAction.AddIncidentTask task) {
            return "Add task '" + task.task().title() + "'";
        }
        return "Change properties";
    }

    private void setEnabled(ConsoleRouter router, ConsoleRequest request, boolean enabled) {
        String workspace = request.workspace();
        Optional<String> message = change(request, workspace, () -> {
            AutomationRule rule = rules.get(workspace, request.ctx().pathParam("rule"));
            ObjectNode body = AutomationRuleJson.write(rule);
            ((ObjectNode) body.path("properties").path("triggeringLogic")).put("isEnabled", enabled);
            rules.save(workspace, rule.id(), AutomationRuleJson.read(body), Optional.of(rule.etag()), request.user().name());
            return "'" + rule.displayName() + "' is " + (enabled ? "enabled." : "disabled.");
        });
        router.templates().render(request.ctx(), "automation/ruleList.jte", ruleList(request, workspace, message));
    }

    private void delete(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Optional<String> message = change(request, workspace, () -> {
            AutomationRule rule = rules.get(workspace, request.ctx().pathParam("rule"));
            rules.delete(workspace, rule.id(), Optional.of(rule.etag()));
            return "'" + rule.displayName() + "' is deleted.";
        });
        router.templates().render(request.ctx(), "automation/ruleList.jte", ruleList(request, workspace, message));
    }

    private void save(ConsoleRouter router, ConsoleRequest request, Optional<String> existing) {
        String workspace = request.workspace();
        String text = Optional.ofNullable(request.ctx().formParam("document")).orElse("");
        String id = existing.orElseGet(() -> Optional.ofNullable(request.ctx().formParam("id")).orElse("").strip());
        Permit permit = permit(request, workspace);
        if (!permit.allowed()) {
            edit(router, request, existing, text, Optional.of(new DocumentEditPage.Problem("", "", permit.reason())), Optional.empty());
            return;
        }
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        AuditNotes.put(request.ctx(), "automationRule", id);
        try {
            JsonNode body = JSON.readTree(text);
            AutomationRuleDefinition definition = AutomationRuleJson.read(body);
            AutomationRule saved = rules.save(workspace, id, definition, existing.isPresent() ? AutomationRuleJson.etag(body) : Optional.empty(),
                    request.user().name()).rule();
            if (existing.isEmpty()) {
                request.redirect(listHref(workspace) + "/rules/" + ConsolePaths.encode(saved.id()) + "/json?saved=1");
                return;
            }
            edit(router, request, existing, pretty(AutomationRuleJson.write(saved)), Optional.empty(), Optional.of("Saved."));
        } catch (JsonProcessingException e) {
            edit(router, request, existing, text, Optional.of(new DocumentEditPage.Problem("", "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), "not JSON: " + e.getOriginalMessage())), Optional.empty());
        } catch (InvalidAutomationRuleException e) {
            edit(router, request, existing, text, Optional.of(new DocumentEditPage.Problem(e.path(), "", e.getMessage())), Optional.empty());
        } catch (AutomationRuleException e) {
            edit(router, request, existing, text, Optional.of(new DocumentEditPage.Problem("", "", e.getMessage())), Optional.empty());
        }
    }

    private void edit(ConsoleRouter router, ConsoleRequest request, Optional<String> id, String text, Optional<DocumentEditPage.Problem> problem,
            Optional<String> saved) {
        String workspace = request.workspace();
        Optional<String> shownSaved = saved.or(() -> Optional.ofNullable(request.ctx().queryParam("saved")).map(flag -> "Saved."));
        String saveHref = id.map(rule -> listHref(workspace) + "/rules/" + ConsolePaths.encode(rule) + "/json").orElse(listHref(workspace) + "/new-rule/json");
        router.templates().render(request.ctx(), "automation/document.jte", new DocumentEditPage(request.shell(Area.AUTOMATION,
                id.map(rule -> "Automation rule " + rule).orElse("New automation rule")), tabs(workspace, false),
                id.map(rule -> "Automation rule " + rule).orElse("Create automation rule"), "rule", id.orElseGet(() -> typedId(request)), id.isEmpty(),
                text, problem,
                shownSaved, saveHref, listHref(workspace), permit(request, workspace)));
    }

    /** Runs a change the user may make, after the API's own check; answers what it did, or why it could not. */
    private static Optional<String> change(ConsoleRequest request, String workspace, Supplier<String> action) {
        Permit permit = permit(request, workspace);
        if (!permit.allowed()) {
            return Optional.of(permit.reason());
        }
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        AuditNotes.put(request.ctx(), "automationRule", request.ctx().pathParam("rule"));
        try {
            return Optional.of(action.get());
        } catch (AutomationRuleException e) {
            return Optional.of("The rule cannot be changed: " + e.getMessage());
        }
    }

    /** The id typed for a new rule or playbook, kept when a save is refused; empty on the first showing. */
    static String typedId(ConsoleRequest request) {
        return request.ctx().method().name().equals("POST") ? Optional.ofNullable(request.ctx().formParam("id")).orElse("") : "";
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
