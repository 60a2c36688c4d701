package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workbook in the browser: the gallery, the IoT template drawn over real alerts (charts, tiles,
 * grid), a parameter change that redraws the items, tabs, and items Vigil does not support shown as
 * notices; never an error in the browser's console.
 */
class TestWorkbookPages {
    private static final String PASSWORD = "plant floor dashboards at dawn";
    private static final String WORKBOOKS = "/console/workspaces/default/workbooks";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void alertsAndAWorkbook() {
        server.createUser("viewer", PASSWORD);
        server.grant("viewer", "Reader", "/workspaces/default");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean high = i < 4;
            alerts.add(Map.of("TimeGenerated", now.minus(i + 1, ChronoUnit.HOURS).toString(), "SystemAlertId", "alert-" + i,
                    "AlertSeverity", high ? "High" : "Low", "AlertType", high ? "IoT_BruteForce" : "IoT_Miner", "ProductName",
                    "Azure Security Center for IoT", "Tactics", high ? "CredentialAccess" : "Impact", "ResourceId",
                    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/" + (high ? "hub-a" : "hub-b"),
                    "ExtendedProperties", "{\"DeviceId\":\"plc-" + i % 2 + "\"}"));
        }
        server.writeAsVigil("SecurityAlert", alerts);
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/workbooks/mixed", server.apiKey(), Map.of("version", "Notebook/1.0",
                "items", List.of(Map.of("type", 1, "name", "intro", "content", Map.of("json", "## Plant <script>alert(1)</script> **floor**")),
                        Map.of("type", 10, "name", "hub metrics", "content", Map.of("chartId", "m1")),
                        Map.of("type", 3, "name", "graph", "content", Map.of("query", "resources", "queryType", 1)),
                        Map.of("type", 3, "name", "by severity", "content", Map.of("query", "SecurityAlert | summarize Alerts = count() by AlertSeverity",
                                "title", "By severity", "visualization", "table", "gridSettings", Map.of("formatters",
                                        List.of(Map.of("columnMatch", "Alerts", "formatter", 4))))))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static String tileText() {
        // read in one script: the items may be replaced between two reads of WebDriver
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll(\"[data-item='query - alerts by severity tiles'] .wb-tile\"))"
                + ".map(function (tile) { return tile.innerText; }).join(' | ');"));
    }

    @Test
    void testTheIotTemplateDrawsItsChartsAndRedrawsWhenAParameterChanges() {
        browser.signIn("viewer", PASSWORD);
        browser.open(WORKBOOKS);
        browser.waitUntilText("[data-testid='saved-workbooks']", "mixed");
        browser.screenshot("gallery");
        browser.clickText("IoT security");

        browser.find("[data-item='query - alerts over time'] canvas");
        browser.find("[data-item='query - tactics'] canvas");
        browser.waitUntil(driver -> tileText().contains("4\nHigh") && tileText().contains("2\nLow"));
        browser.screenshot("iot-template-light");
        assertThat(browser.find("[data-item='query - alerts over time'] [data-testid='open-in-logs']").getAttribute("href"))
                .contains("/console/workspaces/default/logs?query=").contains("ago%287d%29").doesNotContain("%7BTimeRange%7D");

        // one change, as a user's pick in the list makes it (deselecting option by option would fire a change each)
        browser.script("var select = document.querySelector(\"select[name='Severity']\");"
                + " Array.from(select.options).forEach(function (option) { option.selected = option.value === 'Low'; });"
                + " select.dispatchEvent(new Event('change', { bubbles: true }));");
        browser.waitUntil(driver -> !tileText().contains("High") && tileText().contains("2\nLow"));
        assertThat(browser.driver().getCurrentUrl()).contains("Severity=Low");
        browser.find("[data-item='query - alerts over time'] canvas");

        browser.clickText("Devices");
        browser.waitUntilText("[data-item='query - top hubs']", "Top hubs by alerts");
        browser.find("[data-item='query - top hubs'] canvas");
        assertThat(browser.findAll("[data-item='query - alerts over time']")).isEmpty();
        browser.find("[data-theme-toggle]").click();
        browser.waitUntil(d -> "dark".equals(browser.script("return document.documentElement.getAttribute('data-theme')")));
        browser.screenshot("iot-template-devices-dark");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    @Test
    void testUnsupportedItemsAreNoticesBesideTheRestAndMarkdownIsEscaped() {
        browser.signIn("viewer", PASSWORD);
        browser.open(WORKBOOKS + "/mixed");

        assertThat(browser.find("[data-item='hub metrics'] [data-testid='workbook-notice']").getText()).contains("metrics");
        assertThat(browser.find("[data-item='graph'] [data-testid='workbook-notice']").getText()).contains("Azure Resource Graph");
        assertThat(browser.find("[data-item='intro'] h2").getText()).contains("Plant <script>alert(1)</script> floor");
        assertThat(browser.findAll("[data-item='intro'] script")).isEmpty();
        assertThat(browser.find("[data-item='by severity'] td.wb-bar-10").getText()).isEqualTo("4");
        browser.screenshot("notices-and-grid");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }
}
