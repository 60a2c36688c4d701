package dev.vigil.server.console.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleAccessibility;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Automation in a browser: an automation rule created as JSON (after a refused save that names the
 * wrong value's path), disabled, enabled and deleted; a playbook's YAML edited into a new version
 * after a refused template, an older version viewed and restored as the newest; a playbook run by
 * hand from an incident page and its run's steps; and a Reader's disabled controls with their
 * reason. No page logs a browser console error.
 */
class TestAutomationPages {
    private static final String PASSWORD = "automation-test-password";
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
                        triggers: [{kind: manual}, {kind: incident}]
                        steps:
                          - {id: note, type: addComment, message: "Looked at {{ IncidentTitle }}"}
                          - {id: echo, type: compose, value: "severity {{ IncidentSeverity }}"}
                        """, StandardCharsets.UTF_8)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static void setText(String css, String text) {
        WebElement field = browser.find(css);
        browser.script("arguments[0].value = arguments[1]", field, text);
    }

    private static String rule(String propertyName) {
        return """
                {"properties": {"displayName": "Tag PLC incidents", "order": 3,
                  "triggeringLogic": {"isEnabled": true, "triggersOn": "Incidents", "triggersWhen": "Created",
                    "conditions": [{"conditionType": "Property", "conditionProperties": {"propertyName": "%s", "operator": "Contains",
                      "propertyValues": ["PLC"]}}]},
                  "actions": [{"order": 1, "actionType": "RunPlaybook", "actionConfiguration": {"logicAppResourceId": "triage-note"}}]}}
                """.formatted(propertyName);
    }

    @Test
    void testTheAutomationWalk() {
        browser.signIn("owner", PASSWORD);

        // a rule: refused with the path of the wrong value, then saved, listed in order, disabled, enabled
        browser.open(AUTOMATION);
        browser.waitUntilText("#automation-rules", "No automation rule yet");
        browser.assertNoConsoleErrors();
        browser.clickText("Create automation rule");
        browser.clickText("Edit as JSON");
        browser.find("#document-id").sendKeys("tag-plc");
        setText("#document-text", rule("IncidentColour"));
        browser.find("form.document-form button[type=submit]").click();
        browser.waitUntilText("[data-testid=problem-path]", "properties.triggeringLogic.conditions[0].conditionProperties.propertyName");
        assertThat(browser.find("[data-testid=problem-message]").getText()).contains("'IncidentColour' is not one of");
        browser.assertNoConsoleErrors();
        setText("#document-text", rule("IncidentTitle"));
        browser.find("form.document-form button[type=submit]").click();
        browser.waitUntilText("[data-testid=document-saved]", "Saved.");
        assertThat(RunningServer.json(server.get("/api/workspaces/default/automationRules/tag-plc")).path("properties").path("order").asInt())
                .isEqualTo(3);
        browser.open(AUTOMATION);
        WebElement row = browser.find("tr[data-rule=tag-plc]");
        assertThat(row.getText()).contains("Tag PLC incidents").contains("When an incident is created").contains("Run playbook triage-note")
                .contains("Enabled");
        browser.screenshot("automation-rules");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the rules list").isEmpty();
        browser.find("tr[data-rule=tag-plc] button[hx-post$='/disable']").click();
        browser.waitUntilText("[data-testid=automation-message]", "'Tag PLC incidents' is disabled.");
        assertThat(RunningServer.json(server.get("/api/workspaces/default/automationRules/tag-plc")).path("properties").path("triggeringLogic")
                .path("isEnabled").asBoolean()).isFalse();
        browser.find("tr[data-rule=tag-plc] button[hx-post$='/enable']").click();
        browser.waitUntilText("[data-testid=automation-message]", "'Tag PLC incidents' is enabled.");
        browser.assertNoConsoleErrors();

        // a playbook: a bad template is refused with its path and character, a good edit is version 2
        browser.clickText("Active playbooks");
        browser.find("tr[data-playbook=triage-note] a").click();
        browser.waitUntilText("[data-testid=playbook-version]", "Version 1");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the playbook page").isEmpty();
        setText("#document-text", "triggers: [{kind: manual}]\nsteps:\n  - {id: echo, type: compose, value: \"{{ nosuchname + }}\"}\n");
        browser.find("form.document-form button[type=submit]").click();
        browser.waitUntilText("[data-testid=problem-path]", "steps[0].value");
        browser.assertNoConsoleErrors();
        setText("#document-text", """
                triggers: [{kind: manual}, {kind: incident}]
                steps:
                  - {id: note, type: addComment, message: "Looked at {{ IncidentTitle }}"}
                  - {id: echo, type: compose, value: "severity {{ IncidentSeverity }}"}
                  - {id: done, type: compose, value: "done"}
                """);
        browser.find("form.document-form button[type=submit]").click();
        browser.waitUntilText("[data-testid=document-saved]", "Saved as version 2.");
        browser.assertNoConsoleErrors();

        // its history: version 1 viewed, then restored as version 3 (without the step version 2 added)
        assertThat(browser.find("tr[data-version='2']").getText()).contains("Current").contains("owner");
        browser.find("tr[data-version='1'] a").click();
        browser.waitUntilText("[data-testid=version-saved]", "Saved");
        assertThat(browser.find("#version-document").getText()).contains("note").doesNotContain("done");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of a playbook version").isEmpty();
        browser.find("#restore-version").click();
        browser.waitUntilText("[data-testid=document-saved]", "Saved as version 3.");
        assertThat(browser.findAll("#playbook-versions tbody tr")).hasSize(3);
        assertThat(RunningServer.json(server.get("/api/workspaces/default/playbooks/triage-note")).toString()).contains("\"note\"")
                .doesNotContain("\"done\"");
        browser.assertNoConsoleErrors();

        // run by hand from an incident page, then the run's steps
        long number = createIncident("Manual check of the boiler PLC");
        browser.open("/console/workspaces/default/incidents/" + number);
        new Select(browser.find("#incident-playbook")).selectByValue("triage-note");
        browser.clickText("Run playbook");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("/automation/playbooks/triage-note/runs/"));
        browser.waitUntil(driver -> {
            // the run page is a snapshot: looked at again until the run is over
            driver.navigate().refresh();
            return driver.findElements(By.cssSelector("[data-testid=run-status]")).stream().anyMatch(status -> status.getText().equals("Succeeded"));
        });
        assertThat(browser.find("tr[data-step=note]").getText()).contains("addComment").contains("Succeeded");
        assertThat(browser.find("[data-testid=run-incident]").getText()).isEqualTo("#" + number + " Manual check of the boiler PLC");
        assertThat(browser.find("[data-testid=run-incident]").getAttribute("href")).endsWith("/console/workspaces/default/incidents/" + number);
        assertThat(browser.find("tr[data-step=echo]").getText()).contains("severity Medium");
        // version 3, restored from version 1, has its two steps, not the third that version 2 added
        assertThat(browser.findAll("#run-steps tbody tr")).hasSize(2);
        browser.screenshot("automation-run");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the run page").isEmpty();
        browser.assertNoConsoleErrors();

        // deleted from the list
        browser.open(AUTOMATION);
        browser.script("window.confirm = () => true");
        browser.find("tr[data-rule=tag-plc] button[hx-post$='/delete']").click();
        browser.waitUntilText("[data-testid=automation-message]", "'Tag PLC incidents' is deleted.");
        assertThat(server.get("/api/workspaces/default/automationRules/tag-plc").statusCode()).isEqualTo(404);
        browser.assertNoConsoleErrors();
        browser.signOut();

        // a Reader sees the list with every change disabled, and why
        HttpResponse<String> again = server.sendJson("PUT", "/api/workspaces/default/automationRules/tag-plc", server.apiKey(),
                readTree(rule("IncidentTitle")));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        browser.signIn("reader", PASSWORD);
        browser.open(AUTOMATION);
        assertThat(browser.find("#automation-reason").getText()).isNotBlank();
        assertThat(browser.find(".header-actions button").isEnabled()).isFalse();
        assertThat(browser.find("tr[data-rule=tag-plc] button[hx-post$='/disable']").isEnabled()).isFalse();
        assertThat(browser.find("tr[data-rule=tag-plc] button[hx-post$='/delete']").isEnabled()).isFalse();
        browser.open("/console/workspaces/default/automation/playbooks/triage-note/versions/2");
        assertThat(browser.find("#restore-version").isEnabled()).isFalse();
        assertThat(browser.find("#restore-reason").getText()).isNotBlank();
        browser.open("/console/workspaces/default/incidents/" + number);
        assertThat(browser.find("#incident-playbook").isEnabled()).isFalse();
        assertThat(browser.find("#playbook-reason").getText()).isNotBlank();
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    private static Object readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long createIncident(String title) {
        HttpResponse<String> created = server.sendJson("POST", "/api/workspaces/default/incidents", server.apiKey(),
                Map.of("properties", Map.of("title", title, "severity", "Medium")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningServer.json(created).path("properties").path("incidentNumber").asLong();
    }
}
