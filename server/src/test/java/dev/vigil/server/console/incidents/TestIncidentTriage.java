package dev.vigil.server.console.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * Incident triage in a browser, on a running server whose incidents come from a device's brute force (Defender for
 * IoT with Create incidents on): an analyst assigns, comments, changes the severity, closes with a classification and
 * reopens on the incident's page, and closes several at once from the queue, which updates by itself; a reader sees
 * the controls disabled with the reason; a change made meanwhile by someone else shows as a conflict.
 */
class TestIncidentTriage {
    private static final String PASSWORD = "incident-triage-password";
    private static final String QUEUE = "/console/workspaces/default/incidents";
    private static final String SCRIPT = "<script>window.xssRan=1</script>";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    /** An incident the brute force made, with the device among its entities. */
    private static long deviceIncident;

    @BeforeAll
    static void usersAndIncidentsFromADevice() {
        server.createUser("analyst", PASSWORD);
        server.grant("analyst", "Responder", "/workspaces/default");
        server.grant("analyst", "Reader", "/subscriptions/sub-1");
        server.createUser("reader", PASSWORD);
        server.grant("reader", "Reader", "/workspaces/default");
        String key = IotDevices.createHub(server, "sub-1", "plant-hub", "Enabled");
        HttpResponse<String> connected = server.sendJson("PUT", "/api/workspaces/default/dataConnectors/IoT/subscriptions/sub-1", server.apiKey(),
                Map.of("createIncidents", true));
        assertThat(connected.statusCode()).as(connected.body()).isIn(200, 201);
        HttpResponse<String> sent = IotDevices.sendOverHttps(server, "plant-hub", key, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        server.server().awaitDetection();
        JsonNode fromDevice = Eventually.await("an incident of the device's alerts", () -> {
            server.server().awaitAnalytics();
            for (JsonNode incident : incidents()) {
                if (incident.path("properties").path("additionalData").path("alertsCount").asInt() > 0) {
                    return incident;
                }
            }
            return null;
        }, incident -> incident != null);
        deviceIncident = fromDevice.path("properties").path("incidentNumber").asLong();
    }

    @AfterEach
    void signOut() {
        if (browser.driver().getCurrentUrl().contains("/console/workspaces/")) {
            if ("dark".equals(browser.script("return document.documentElement.getAttribute('data-theme')"))) {
                browser.find("[data-theme-toggle]").click();
            }
            browser.signOut();
        }
    }

    @Test
    void testAnAnalystAssignsCommentsChangesSeverityClosesAndReopensAnIncident() {
        browser.signIn("analyst", PASSWORD);
        browser.open(QUEUE);
        browser.find("a[href='" + QUEUE + "/" + deviceIncident + "']").click();
        browser.waitUntilText(".breadcrumb", "Incident " + deviceIncident);

        assertThat(browser.find("[data-testid=incident-alerts]").getText()).contains("Azure Security Center for IoT");
        assertThat(browser.find("[data-testid=device-entity]").getText()).contains("plant-hub", "sensor-1", "Enabled", "Last seen");
        assertThat(browser.find("[data-testid=incident-rule-link]").getText()).isEqualTo("Create incidents based on Azure Defender for IOT alerts");

        browser.clickText("Assign to me");
        browser.waitUntilText("[data-testid=incident-owner]", "analyst");

        browser.find("#incident-comment").sendKeys("Checked the device " + SCRIPT);
        browser.clickText("Add comment");
        browser.waitUntilText("[data-testid=incident-comments]", "Checked the device " + SCRIPT);

        new Select(browser.find("#incident-severity-input")).selectByVisibleText("Low");
        browser.clickText("Change severity");
        browser.waitUntilText("[data-testid=incident-severity]", "Low");

        new Select(browser.find("#incident-closure")).selectByValue("FalsePositive/IncorrectAlertLogic");
        browser.find("#incident-close-comment").sendKeys("A lab device under test");
        browser.clickText("Close incident");
        browser.waitUntilText("[data-testid=incident-status]", "Closed");
        assertThat(browser.find("[data-testid=incident-closure]").getText()).contains("FalsePositive (IncorrectAlertLogic): A lab device under test");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("incident-closed-light");
        browser.find("[data-theme-toggle]").click();
        browser.screenshot("incident-closed-dark");
        browser.find("[data-theme-toggle]").click();

        JsonNode closed = incident(deviceIncident).path("properties");
        assertThat(closed.path("status").asText()).isEqualTo("Closed");
        assertThat(closed.path("classification").asText()).isEqualTo("FalsePositive");
        assertThat(closed.path("classificationReason").asText()).isEqualTo("IncorrectAlertLogic");
        assertThat(closed.path("severity").asText()).isEqualTo("Low");
        assertThat(closed.path("owner").path("assignedTo").asText()).isEqualTo("analyst");

        browser.clickText("Reopen");
        browser.waitUntilText("[data-testid=incident-status]", "Active");
        assertThat(browser.find("[data-testid=incident-timeline]").getText()).contains("Created with severity", "Assigned to analyst by analyst",
                "Commented by analyst", "to Low by analyst", "Closed as FalsePositive (IncorrectAlertLogic) by analyst", "Reopened by analyst");
        assertThat(incident(deviceIncident).path("properties").path("status").asText()).isEqualTo("Active");
        assertThat(browser.script("return window.xssRan === undefined")).isEqualTo(true);
        browser.assertNoConsoleErrors();
    }

    @Test
    void testBulkCloseSaysPerIncidentWhatItDidWhileTheQueueUpdatesByItself() {
        long first = TestIncidentPagesOverHttp.createIncident(server, "Bulk first", "Medium");
        long second = TestIncidentPagesOverHttp.createIncident(server, "Bulk second", "Low");
        long closedMeanwhile = TestIncidentPagesOverHttp.createIncident(server, "Bulk closed meanwhile", "Low");
        browser.signIn("analyst", PASSWORD);
        browser.open(QUEUE + "?search=Bulk");
        browser.screenshot("queue-light");

        long live = TestIncidentPagesOverHttp.createIncident(server, "Bulk arrives live " + SCRIPT, "High");
        browser.waitUntilText("[data-testid=incident-queue]", "Bulk arrives live " + SCRIPT);
        HttpResponse<String> closed = server.postJson("/api/workspaces/default/incidents/" + closedMeanwhile + "/close",
                Map.of("classification", "TruePositive", "classificationReason", "SuspiciousActivity"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        browser.waitUntilText("tr[data-incident='" + closedMeanwhile + "']", "Closed");

        for (long number : List.of(first, second, closedMeanwhile)) {
            browser.find("tr[data-incident='" + number + "'] input.incident-select").click();
        }
        browser.waitUntilText("[data-testid=selected-count]", "3 selected");
        new Select(browser.find("#bulk-closure")).selectByValue("BenignPositive/SuspiciousButExpected");
        browser.find("#bulk-close-comment").sendKeys("Maintenance window");
        browser.clickText("Close selected");

        browser.waitUntilText("[data-testid=bulk-outcome]", "1 not changed");
        assertThat(browser.find("[data-incident-outcome='" + first + "']").getText())
                .isEqualTo("✓ Incident " + first + " closed as BenignPositive (SuspiciousButExpected).");
        assertThat(browser.find("[data-incident-outcome='" + second + "']").getText()).startsWith("✓");
        assertThat(browser.find("[data-incident-outcome='" + closedMeanwhile + "']").getText()).startsWith("✗ Incident " + closedMeanwhile + " not changed");
        browser.find("[data-theme-toggle]").click();
        browser.screenshot("queue-bulk-closed-dark");
        browser.find("[data-theme-toggle]").click();

        for (long number : List.of(first, second)) {
            JsonNode properties = incident(number).path("properties");
            assertThat(properties.path("status").asText()).isEqualTo("Closed");
            assertThat(properties.path("classification").asText()).isEqualTo("BenignPositive");
            assertThat(properties.path("classificationComment").asText()).isEqualTo("Maintenance window");
        }
        assertThat(incident(closedMeanwhile).path("properties").path("classification").asText()).isEqualTo("TruePositive");
        assertThat(incident(live).path("properties").path("status").asText()).isEqualTo("New");
        assertThat(browser.script("return window.xssRan === undefined")).isEqualTo(true);
        browser.assertNoConsoleErrors();
    }

    @Test
    void testAReaderSeesTheTriageControlsDisabledWithTheReason() {
        long number = TestIncidentPagesOverHttp.createIncident(server, "Seen by a reader", "High");
        browser.signIn("reader", PASSWORD);
        browser.open(QUEUE);
        assertThat(browser.find("tr[data-incident='" + number + "'] input.incident-select").isEnabled()).isFalse();
        assertThat(browser.find("#bulk-reason").getText()).isEqualTo("Needs Responder on workspace 'default'; you have Reader.");

        browser.open(QUEUE + "/" + number);
        assertThat(browser.find("#incident-severity-input").isEnabled()).isFalse();
        assertThat(browser.find("#incident-comment").isEnabled()).isFalse();
        assertThat(browser.find("#incident-reason").getText()).isEqualTo("Needs Responder on workspace 'default'; you have Reader.");
        browser.screenshot("incident-reader");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testAChangeMadeMeanwhileBySomeoneElseShowsAConflictAndTheIncidentAsItIs() {
        long number = TestIncidentPagesOverHttp.createIncident(server, "Changed meanwhile", "High");
        browser.signIn("analyst", PASSWORD);
        browser.open(QUEUE + "/" + number);
        HttpResponse<String> meanwhile = server.sendJson("PATCH", "/api/workspaces/default/incidents/" + number, server.apiKey(),
                Map.of("properties", Map.of("severity", "Informational")));
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);

        new Select(browser.find("#incident-severity-input")).selectByVisibleText("Medium");
        browser.clickText("Change severity");

        browser.waitUntilText("[data-testid=incident-notice]", "Someone else changed this incident");
        assertThat(browser.find("[data-testid=incident-severity]").getText()).isEqualTo("Informational");
        assertThat(incident(number).path("properties").path("severity").asText()).isEqualTo("Informational");
        browser.screenshot("incident-conflict");
        browser.assertNoConsoleErrors();
    }

    private static List<JsonNode> incidents() {
        List<JsonNode> all = new ArrayList<>();
        RunningServer.json(server.get("/api/workspaces/default/incidents")).path("value").forEach(all::add);
        return all;
    }

    private static JsonNode incident(long number) {
        return RunningServer.json(server.get("/api/workspaces/default/incidents/" + number));
    }
}
