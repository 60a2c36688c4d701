package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's pages in a browser, beyond the seed's walk: output escaped wherever users' data
 * shows, roles shown as disabled controls with their reason, live lists, the Logs editor's error
 * underline and completion, and the dark theme (rule edits: {@code analytics/TestAnalyticsPages}).
 */
class TestConsolePages {
    private static final String PASSWORD = "console-test-password";
    private static final String SUBSCRIPTION = "plant-sub";
    private static final String HUB = "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/plant-rg/providers/Microsoft.Devices/IotHubs/plant-hub";
    /** Would set {@code window.xssRan} if it ever ran. */
    private static final String SCRIPT = "<script>window.xssRan=1</script>";
    private static final String HANDLER = "<img src=x onerror=\"window.xssRan=2\">";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void usersAndData() {
        server.createUser("owner", PASSWORD);
        server.grant("owner", "Owner", "/");
        server.createUser("reader", PASSWORD);
        server.grant("reader", "Reader", "/workspaces/default");
        server.grant("reader", "Reader", "/subscriptions/" + SUBSCRIPTION);
        ok(server.sendJson("PUT", "/api/subscriptions/" + SUBSCRIPTION, server.apiKey(), Map.of("displayName", "Plant " + SCRIPT)));
        ok(server.sendJson("PUT", "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/plant-rg", server.apiKey(), Map.of()));
        ok(server.sendJson("PUT", HUB, server.apiKey(), Map.of()));
        ok(server.sendJson("PUT", HUB + "/devices/press-1", server.apiKey(), Map.of()));
        // SecurityAlert is written by Vigil alone; a custom table brings the same values into query results
        ok(server.postJson("/api/workspaces/default/tables", Map.of("name", "Probe_CL", "columns", List.of(Map.of("name", "AlertName", "type", "string"),
                Map.of("name", "CompromisedEntity", "type", "string"), Map.of("name", "ExtendedProperties", "type", "dynamic")))));
        ok(server.postJson("/api/workspaces/default/tables/Probe_CL/rows", List.of(Map.of("AlertName", HANDLER, "CompromisedEntity", SCRIPT,
                "ExtendedProperties", Map.of("DeviceId", HANDLER)))));
        ok(server.sendJson("PUT", "/api/workspaces/default/alertRules/xss-rule", server.apiKey(), scheduledRule(HANDLER)));
    }

    private static Map<String, Object> scheduledRule(String name) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("displayName", name);
        properties.put("enabled", true);
        properties.put("query", "SecurityAlert | where AlertSeverity == 'High'");
        properties.put("queryFrequency", "PT5M");
        properties.put("queryPeriod", "PT5M");
        properties.put("triggerOperator", "GreaterThan");
        properties.put("triggerThreshold", 0);
        properties.put("severity", "Medium");
        return Map.of("kind", "Scheduled", "properties", properties);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    @AfterEach
    void signOut() {
        browser.signOutIfSignedIn();
    }

    @Test
    void testNamesAndValuesWithHtmlShowAsTextAndNeverRun() {
        browser.signIn("owner", PASSWORD);

        browser.open("/console/workspaces/default/connectors/IoT");
        assertThat(browser.find("[data-subscription=" + SUBSCRIPTION + "]").getText()).contains("Plant " + SCRIPT);
        browser.open("/console/workspaces/default/iot");
        assertThat(browser.find("main h2").getText()).contains("Plant " + SCRIPT);
        browser.open("/console/workspaces/default/analytics");
        assertThat(browser.find("[data-rule=xss-rule]").getText()).contains(HANDLER);
        browser.open("/console/workspaces/default/analytics/rules/xss-rule");
        assertThat(browser.find("#rule-name").getAttribute("value")).isEqualTo(HANDLER);
        browser.open("/console/workspaces/default/logs?query=" + java.net.URLEncoder.encode(
                "Probe_CL | project AlertName, CompromisedEntity, ExtendedProperties", java.nio.charset.StandardCharsets.UTF_8));
        browser.find(".monaco-editor");
        browser.clickText("Run");
        browser.waitUntilText("[data-testid=result-summary]", " ms");
        assertThat(browser.find("[data-testid=results]").getText()).contains(HANDLER).contains(SCRIPT);
        browser.find("[data-testid=results] .cell-dynamic summary").click();
        assertThat(browser.find("[data-testid=results] .cell-dynamic pre").getText()).contains("\"DeviceId\"").contains(HANDLER.replace("\"", "\\\""));
        browser.screenshot("escaped-query-results");

        assertThat(browser.script("return window.xssRan === undefined")).isEqualTo(true);
        assertThat(browser.findAll("img[src=x]")).isEmpty();
        browser.assertNoConsoleErrors();
    }

    @Test
    void testReaderSeesConnectAndRuleChangesDisabledWithTheReason() {
        browser.signIn("reader", PASSWORD);

        browser.open("/console/workspaces/default/connectors/IoT");
        WebElement connect = browser.find("[data-subscription=" + SUBSCRIPTION + "] button");
        assertThat(connect.getText()).isEqualTo("Connect");
        assertThat(connect.isEnabled()).isFalse();
        WebElement reason = browser.find("#" + connect.getAttribute("aria-describedby"));
        assertThat(reason.getText()).isEqualTo("Needs Contributor on workspace 'default'; you have Reader.");
        assertThat(browser.find("[data-testid=prerequisites]").getText()).contains("Needs Contributor on workspace 'default'; you have Reader.");
        browser.screenshot("reader-connector-page");

        browser.open("/console/workspaces/default/analytics");
        WebElement delete = browser.find("[data-rule=xss-rule] .button-danger");
        assertThat(delete.isEnabled()).isFalse();
        assertThat(browser.find("#rules-reason").getText()).isEqualTo("Needs Contributor on workspace 'default'; you have Reader.");
        assertThat(browser.find("[data-testid=user-roles]").getAttribute("textContent"))
                .contains("Reader on workspace 'default'", "Reader on subscription 'plant-sub'");
        browser.screenshot("reader-analytics");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testTheSubscriptionListRefreshesByItselfWhenAHubChanges() {
        browser.signIn("owner", PASSWORD);
        browser.open("/console/workspaces/default/connectors/IoT");
        browser.waitUntilText("[data-subscription=" + SUBSCRIPTION + "]", "0 of 1");

        ok(server.sendJson("PUT", HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default", server.apiKey(),
                Map.of("properties", Map.of("status", "Enabled"))));

        browser.waitUntilText("[data-subscription=" + SUBSCRIPTION + "]", "1 of 1");
        ok(server.sendJson("PUT", HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default", server.apiKey(),
                Map.of("properties", Map.of("status", "Disabled"))));
        browser.waitUntilText("[data-subscription=" + SUBSCRIPTION + "]", "0 of 1");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testTheLogsEditorUnderlinesAnErrorAtItsColumnAndCompletesOperators() {
        browser.signIn("owner", PASSWORD);
        browser.open("/console/workspaces/default/logs");
        WebElement editor = browser.find(".monaco-editor textarea");

        editor.sendKeys("SecurityAlert | where NoSuchColumn == 1");

        browser.find(".monaco-editor .squiggly-error");
        browser.waitUntilText("#query-diagnostics", "Line 1, column 23");
        assertThat(browser.find("#query-diagnostics").getText()).contains("NoSuchColumn");
        browser.screenshot("logs-error-underlined");

        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "SecurityAlert | summ");
        editor.sendKeys(Keys.chord(Keys.CONTROL, " "));
        browser.waitUntilText(".monaco-editor .suggest-widget", "summarize");
        browser.screenshot("logs-completion");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testCancelStopsTheRunningQueryOnTheServer() {
        String heavy = "range x from 1 to 300000 step 1 | extend k = 1 | join kind=inner (range y from 1 to 300000 step 1 | extend k = 1) on k | count";
        browser.signIn("owner", PASSWORD);
        browser.open("/console/workspaces/default/logs?query=" + java.net.URLEncoder.encode(heavy, java.nio.charset.StandardCharsets.UTF_8));
        browser.find(".monaco-editor");
        browser.clickText("Run");
        Eventually.await("the console's query running on the server", TestConsolePages::runningQueries, running -> running.size() == 1);
        browser.findVisible("#query-running");
        browser.screenshot("logs-running");

        browser.clickText("Cancel");

        browser.waitUntilText("[data-testid=query-error]", "The query was cancelled (Cancel on the Logs page of 'owner').");
        assertThat(runningQueries()).isEmpty();
        browser.screenshot("logs-cancelled");
        browser.assertNoConsoleErrors();
    }

    private static List<JsonNode> runningQueries() {
        List<JsonNode> running = new java.util.ArrayList<>();
        RunningServer.json(server.get("/v1/workspaces/default/queries")).path("value").forEach(running::add);
        return running;
    }

    @Test
    void testTheWorkspaceSwitcherOpensTheSameAreaInAnotherWorkspace() {
        server.createWorkspace("plant");
        browser.signIn("owner", PASSWORD);
        browser.open("/console/workspaces/default/analytics");

        browser.find(".workspace-menu summary").click();
        assertThat(browser.find(".workspace-menu .menu-list").getText()).contains("default", "plant");
        browser.clickText("plant");

        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/console/workspaces/plant/analytics"));
        assertThat(browser.find(".workspace-menu summary strong").getText()).isEqualTo("plant");
        assertThat(browser.find(".sidenav a[aria-current=page]").getText()).isEqualTo("Analytics");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testAnUnknownWorkspaceShowsAPageThatSaysSo() {
        browser.signIn("reader", PASSWORD);
        browser.open("/console/workspaces/nowhere/logs");

        assertThat(browser.find("[data-testid=error-message]").getText()).isEqualTo("There is no workspace 'nowhere'.");
        assertThat(browser.find(".sidenav").getText()).contains("Logs", "Data connectors");
        browser.screenshot("error-unknown-workspace");
        // the page's own 404 is the only thing the browser reports
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("404"));
    }

    /**
     * What has keyboard focus and how its focus ring shows: its outline, and that outline's contrast
     * (WCAG) with the background it is drawn on; null when focus has left the page or comes back to
     * an element seen before.
     */
    private static final String FOCUS_PROBE = """
            var el = document.activeElement;
            if (!el || el === document.body || el.hasAttribute('data-focus-seen')) { return null; }
            el.setAttribute('data-focus-seen', '');
            function rgba(c) { var m = c.match(/[\\d.]+/g).map(Number); if (m.length === 3) { m.push(1); } return m; }
            function lum(c) {
              return [0, 1, 2].map(function (i) { var v = c[i] / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                  .reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
            }
            function behind(node) {
              for (; node; node = node.parentElement) { var c = rgba(getComputedStyle(node).backgroundColor); if (c[3] > 0) { return c; } }
              return [255, 255, 255, 1];
            }
            var style = getComputedStyle(el), ring = lum(rgba(style.outlineColor)), bg = lum(behind(el.parentElement));
            return {
              label: el.tagName.toLowerCase() + ' "' + (el.getAttribute('aria-label') || el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40)) + '"',
              outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
              contrast: (Math.max(ring, bg) + 0.05) / (Math.min(ring, bg) + 0.05),
              region: el.closest('.topbar') ? 'topbar' : el.closest('.sidenav') ? 'navigation' : 'content'
            };
            """;

    @Test
    void testKeyboardFocusShowsOnEveryStopInBothThemes() {
        browser.signIn("owner", PASSWORD);
        for (String theme : List.of("light", "dark")) {
            if (!theme.equals(browser.script("return document.documentElement.getAttribute('data-theme')"))) {
                browser.find("[data-theme-toggle]").click();
            }
            for (String page : List.of("", "/incidents")) {
                browser.open("/console/workspaces/default" + page);
                List<String> stops = tabThroughThePage(theme + (page.isEmpty() ? "-home" : page.replace('/', '-')));
                assertThat(stops).as("focus stops on " + page).hasSizeGreaterThan(12).anyMatch(stop -> stop.contains("Skip to content"));
            }
        }
        browser.find("[data-theme-toggle]").click();
        browser.assertNoConsoleErrors();
    }

    /** Presses Tab until focus leaves the page, checking each stop's focus ring; a screenshot where focus enters each region. */
    @SuppressWarnings("unchecked")
    private static List<String> tabThroughThePage(String name) {
        List<String> stops = new java.util.ArrayList<>();
        String region = "";
        for (int stop = 1; stop <= 60; stop++) {
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            Map<String, Object> focus = (Map<String, Object>) browser.script(FOCUS_PROBE);
            if (focus == null) {
                break;
            }
            String label = (String) focus.get("label");
            stops.add(label);
            assertThat(focus.get("outline")).as("focus outline of " + label).isNotEqualTo("none");
            assertThat(((Number) focus.get("width")).doubleValue()).as("focus outline width of " + label).isGreaterThanOrEqualTo(2);
            assertThat(((Number) focus.get("contrast")).doubleValue()).as("contrast of the focus ring of " + label + " with what it is drawn on")
                    .isGreaterThanOrEqualTo(3);
            if (!focus.get("region").equals(region)) {
                region = (String) focus.get("region");
                browser.screenshot("focus-" + name + "-" + stop + "-" + region);
            }
        }
        return stops;
    }

    /** Every page of the console, as the Owner sees it, in both themes (item 9 of issue 11): contrast, labels, and a quiet browser console. */
    @Test
    void testEveryPageInBothThemesHasReadableTextLabelledControlsAndNoConsoleErrors() {
        browser.signIn("owner", PASSWORD);
        String hub = "/iot/subscriptions/" + SUBSCRIPTION + "/resourceGroups/plant-rg/hubs/plant-hub";
        List<String> pages = List.of("", "/logs", "/incidents", "/analytics", "/analytics/rules/xss-rule", "/analytics/new", "/analytics/templates",
                "/connectors", "/connectors/IoT",
                "/connectors/CustomLogsIngestion", "/iot", hub, hub + "/devices", hub + "/devices/press-1", hub + "/securityGroups/default",
                "/iot/alerts", "/hunting", "/content", "/settings", "/automation", "/automation/new-rule", "/automation/playbooks",
                "/automation/playbooks/new", "/workbooks", "/workbooks/templates/iot-security");
        Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        for (String theme : List.of("light", "dark")) {
            if (!theme.equals(browser.script("return document.documentElement.getAttribute('data-theme')"))) {
                browser.find("[data-theme-toggle]").click();
            }
            for (String page : pages) {
                browser.open("/console/workspaces/default" + page);
                assertThat(browser.script("return document.documentElement.getAttribute('data-theme')")).isEqualTo(theme);
                browser.screenshot(theme + (page.isEmpty() ? "-home" : page.replace("/iot/subscriptions/" + SUBSCRIPTION + "/resourceGroups/plant-rg", "/iot")
                        .replace('/', '-')));
                List<String> found = ConsoleAccessibility.problems(browser);
                if (!found.isEmpty()) {
                    problems.put(theme + " " + page, found);
                }
                browser.assertNoConsoleErrors();
            }
        }
        assertThat(problems).as("text under WCAG AA contrast, or controls without a label, by theme and page").isEmpty();
        browser.find("[data-theme-toggle]").click();
    }
}
