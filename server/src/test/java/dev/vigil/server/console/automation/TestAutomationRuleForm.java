package dev.vigil.server.console.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleAccessibility;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The automation rule form in a browser: a rule built field by field (a change condition, an Or
 * group, closing with a classification, a task and a playbook picked from the workspace's), refused
 * by the API's own check beside the field it names, saved, its actions reordered, and shown to a
 * Reader with every control disabled and why.
 */
class TestAutomationRuleForm {
    private static final String PASSWORD = "rule-form-test-password";
    private static final String AUTOMATION = "/console/workspaces/default/automation";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void usersAndPlaybook() {
        server.createUser("owner", PASSWORD);
        server.grant("owner", "Owner", "/");
        server.createUser("reader", PASSWORD);
        server.grant("reader", "Reader", "/workspaces/default");
        HttpResponse<String> saved = server.send(server.request("/api/workspaces/default/playbooks/triage-note")
                .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString("""
                        triggers: [{kind: incident}]
                        steps: [{id: note, type: addComment, message: "Looked at {{ IncidentTitle }}"}]
                        """, StandardCharsets.UTF_8)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    /** Does something that makes htmx render the form again, and waits for the new form. */
    private static void refreshing(Runnable change) {
        browser.script("document.getElementById('rule-form').setAttribute('data-before', 'yes')");
        change.run();
        browser.find("#rule-form:not([data-before])");
    }

    /** Saves the form and waits for the form that answers, so that the notice of an earlier save is not taken for this one's. */
    private static void save() {
        refreshing(() -> browser.find("#rule-save").click());
    }

    private static void choose(String css, String value) {
        refreshing(() -> new Select(browser.find(css)).selectByValue(value));
    }

    private static void pick(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    private static void type(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }

    private static JsonNode savedRule() {
        HttpResponse<String> rule = server.get("/api/workspaces/default/automationRules/plc-noise");
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);
        return RunningServer.json(rule).path("properties");
    }

    @Test
    void testARuleIsBuiltRefusedBesideItsFieldSavedAndReordered() {
        browser.signIn("owner", PASSWORD);
        browser.open(AUTOMATION);
        browser.clickText("Create automation rule");
        type("#rule-id", "plc-noise");
        type("#rule-name", "Close PLC noise");
        type("#rule-order", "2");
        browser.script("document.getElementById('rule-expiration').value = '2030-01-31T12:00'");
        choose("#rule-triggers-when", "Updated");

        // conditions: a property, a change of status to Active, and an Or group of two
        refreshing(() -> browser.find("#add-condition").click());
        type("#cond-0-values", "PLC");
        refreshing(() -> browser.find("#add-condition").click());
        choose("#cond-1-type", "PropertyChanged");
        pick("#cond-1-property", "IncidentStatus");
        choose("#cond-1-change", "ChangedTo");
        pick("#cond-1-operator", "Equals");
        type("#cond-1-values", "Active");
        refreshing(() -> browser.find("#add-group").click());
        pick("#cond-2-0-property", "HostName");
        pick("#cond-2-0-operator", "Equals");
        type("#cond-2-0-values", "plc-7");
        pick("#cond-2-1-property", "IoTDeviceId");
        pick("#cond-2-1-operator", "StartsWith");
        type("#cond-2-1-values", "plc");
        assertThat(browser.find("#cond-2-1 > button[value^='remove:']").getAttribute("aria-label")).as("named by its place, counted from 1")
                .isEqualTo("Remove condition 3.2");

        // actions: close (the classification forgotten first), a task, a playbook of the workspace
        choose("#action-0-status", "Closed");
        type("#action-0-labels", "automated\nplc");
        refreshing(() -> browser.clickText("Add AddIncidentTask"));
        type("#action-1-title", "Check the PLC");
        refreshing(() -> browser.clickText("Add RunPlaybook"));
        assertThat(new Select(browser.find("#action-2-playbook")).getOptions()).extracting(WebElement::getText).contains("triage-note");
        pick("#action-2-playbook", "triage-note");
        assertThat(browser.find("#cond-0-values").getAttribute("value")).as("typed values survive a re-render").isEqualTo("PLC");
        browser.assertNoConsoleErrors();

        save();
        browser.waitUntilText("[data-testid=rule-error-path]", "properties.actions[0].actionConfiguration.classification");
        assertThat(browser.find("#action-0-classification-error").getText()).isNotBlank();
        assertThat(browser.find("#action-0-classification").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(server.get("/api/workspaces/default/automationRules/plc-noise").statusCode()).isEqualTo(404);
        browser.screenshot("automation-rule-form-refused");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the rule form").isEmpty();

        pick("#action-0-classification", "BenignPositive");
        pick("#action-0-reason", "SuspiciousButExpected");
        save();
        browser.waitUntilText("[data-testid=rule-saved]", "Saved.");
        JsonNode rule = savedRule();
        assertThat(rule.path("displayName").asText()).isEqualTo("Close PLC noise");
        assertThat(rule.path("order").asInt()).isEqualTo(2);
        JsonNode logic = rule.path("triggeringLogic");
        assertThat(logic.path("triggersWhen").asText()).isEqualTo("Updated");
        assertThat(logic.path("expirationTimeUtc").asText()).startsWith("2030-01-31T12:00");
        JsonNode conditions = logic.path("conditions");
        assertThat(conditions.path(0).path("conditionProperties").path("propertyValues").path(0).asText()).isEqualTo("PLC");
        assertThat(conditions.path(1).path("conditionType").asText()).isEqualTo("PropertyChanged");
        assertThat(conditions.path(1).path("conditionProperties").path("changeType").asText()).isEqualTo("ChangedTo");
        assertThat(conditions.path(1).path("conditionProperties").path("propertyValues").path(0).asText()).isEqualTo("Active");
        assertThat(conditions.path(2).path("conditionProperties").path("operator").asText()).isEqualTo("Or");
        assertThat(conditions.path(2).path("conditionProperties").path("innerConditions").path(1).path("conditionProperties")
                .path("propertyName").asText()).isEqualTo("IoTDeviceId");
        JsonNode actions = rule.path("actions");
        assertThat(actions.path(0).path("actionConfiguration").path("classificationReason").asText()).isEqualTo("SuspiciousButExpected");
        assertThat(actions.path(0).path("actionConfiguration").path("labels")).hasSize(2);
        assertThat(actions.path(2).path("actionType").asText()).isEqualTo("RunPlaybook");

        // edited: the playbook moved before the task, a change of the status read back as "Changed" at all
        refreshing(() -> browser.find("#action-2 button[value^='up:']").click());
        choose("#cond-1-change", "Changed");
        assertThat(browser.findAll("#cond-1-values")).isEmpty();
        save();
        browser.waitUntilText("[data-testid=rule-saved]", "Saved.");
        actions = savedRule().path("actions");
        assertThat(actions.path(1).path("actionType").asText()).isEqualTo("RunPlaybook");
        assertThat(actions.path(1).path("order").asInt()).isEqualTo(2);
        assertThat(actions.path(2).path("actionType").asText()).isEqualTo("AddIncidentTask");
        assertThat(savedRule().path("triggeringLogic").path("conditions").path(1).path("conditionProperties").has("operator")).isFalse();
        assertThat(new Select(browser.find("#cond-1-change")).getFirstSelectedOption().getAttribute("value")).isEqualTo("Changed");
        browser.assertNoConsoleErrors();
        browser.signOut();

        // a Reader sees the rule, every field and change disabled, and why
        browser.signIn("reader", PASSWORD);
        browser.open(AUTOMATION + "/rules/plc-noise");
        assertThat(browser.find("#rule-reason").getText()).isNotBlank();
        assertThat(browser.find("#rule-name").isEnabled()).isFalse();
        assertThat(browser.find("#rule-save").isEnabled()).isFalse();
        assertThat(browser.find("#add-condition").isEnabled()).isFalse();
        assertThat(browser.find("#rule-name").getAttribute("value")).isEqualTo("Close PLC noise");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }
}
