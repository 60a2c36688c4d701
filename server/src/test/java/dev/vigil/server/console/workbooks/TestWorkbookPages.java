package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A workbook in the browser: the gallery, the IoT template drawn over real alerts (charts, tiles,
 * grid), a parameter change that redraws only the items that use it, tabs, items Vigil does not
 * support shown as notices, and the editor (a Contributor's walk, a template saved as a workbook and
 * its tabs, groups and grid columns edited, a Reader's disabled editor);
 * never an error in the browser's console.
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
        server.createUser("editor", PASSWORD);
        server.grant("editor", "Contributor", "/workspaces/default");
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
        HttpResponse<String> partial = server.sendJson("PUT", "/api/workspaces/default/workbooks/partial", server.apiKey(), Map.of("version",
                "Notebook/1.0", "items", List.of(
                        Map.of("type", 9, "name", "filters", "content", Map.of("parameters", List.of(Map.of("name", "Severity", "type", 2,
                                "multiSelect", true, "quote", "'", "delimiter", ",", "jsonData", "[\"High\", \"Low\"]", "value", List.of("High", "Low"))))),
                        Map.of("type", 3, "name", "by severity", "customWidth", "50", "content", Map.of("query", "SecurityAlert | where AlertSeverity in"
                                + " ({Severity}) | summarize severity_5521 = count() by AlertSeverity | sort by AlertSeverity asc", "title", "By severity")),
                        Map.of("type", 3, "name", "everything", "customWidth", "50", "content", Map.of("query",
                                "SecurityAlert | summarize everything_5521 = count() by bin(TimeGenerated, 1h)", "title", "Everything", "visualization",
                                "timechart")))));
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        HttpResponse<String> editable = server.sendJson("PUT", "/api/workspaces/default/workbooks/editable", server.apiKey(), Map.of("version",
                "Notebook/1.0", "items", List.of(Map.of("type", 1, "name", "intro", "content", Map.of("json", "# Shift board")),
                        Map.of("type", 3, "name", "first", "content", Map.of("query", "SecurityAlert | summarize Alerts = count()", "title", "First")))));
        assertThat(editable.statusCode()).as(editable.body()).isEqualTo(201);
    }

    /**
     * How many of the console's workbook queries carrying {@code marker} ran. The query log is
     * written through the bulk lane of group commit, which commits in the order written: once a
     * row written after the page answered shows, every row of the page's queries does too.
     */
    private static long consoleQueriesWith(String marker) {
        String barrier = "barrier " + UUID.randomUUID();
        server.writeAsVigil("LAQueryLogs", List.of(Map.of("TimeGenerated", Instant.now().toString(), "QueryText", barrier)));
        Eventually.await("the barrier's LAQueryLogs row", () -> server.count("LAQueryLogs | where QueryText == '" + barrier + "' | count"),
                count -> count == 1);
        return server.count("LAQueryLogs | where QueryText has '" + marker + "' and RequestClientApp == 'Vigil console workbooks' | count");
    }

    /** The names of the items the page shows, in order. */
    private static String shownItems() {
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll('#wb-items [data-item]'))"
                + ".map(function (item) { return item.getAttribute('data-item'); }).join(' | ');"));
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

    @Test
    void testAParameterChangeRedrawsOnlyTheItemsThatUseIt() {
        browser.signIn("viewer", PASSWORD);
        browser.open(WORKBOOKS + "/partial");
        browser.waitUntilText("[data-item='by severity'] .wb-grid", "High");
        browser.find("[data-item='everything'] canvas");
        browser.script("document.querySelector(\"[data-item='everything']\").setAttribute('data-probe', 'drawn before');"
                + " document.querySelector(\"[data-item='by severity']\").setAttribute('data-probe', 'drawn before');");

        browser.script("var select = document.querySelector(\"select[name='Severity']\");"
                + " Array.from(select.options).forEach(function (option) { option.selected = option.value === 'Low'; });"
                + " select.dispatchEvent(new Event('change', { bubbles: true }));");
        browser.waitUntil(driver -> {
            Object grid = browser.script("var grid = document.querySelector(\"[data-item='by severity'] .wb-grid\"); return grid ? grid.innerText : '';");
            return String.valueOf(grid).contains("Low") && !String.valueOf(grid).contains("High");
        });

        assertThat(browser.find("[data-item='by severity']").getAttribute("data-probe")).as("the item that uses Severity was drawn again").isNull();
        assertThat(browser.find("[data-item='everything']").getAttribute("data-probe")).as("the other item kept its content").isEqualTo("drawn before");
        browser.find("[data-item='everything'] canvas");
        assertThat(browser.driver().getCurrentUrl()).contains("Severity=Low").doesNotContain("_applied");
        assertThat(consoleQueriesWith("severity_5521")).as("the page, then the change").isEqualTo(2);
        assertThat(consoleQueriesWith("everything_5521")).as("the page only").isEqualTo(1);
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    @Test
    void testAContributorAddsAQueryItemMovesItUpAndSavesIt() {
        browser.signIn("editor", PASSWORD);
        browser.open(WORKBOOKS + "/editable");
        browser.find("a[data-testid='edit-workbook']").click();
        browser.waitUntilText("[data-testid='editor-items']", "intro");

        browser.clickText("Add query");
        browser.find("[data-editor-item='query - 2'] input[name='item.2.title']").sendKeys("Newest");
        browser.find("[data-editor-item='query - 2'] textarea[name='item.2.query']").sendKeys("SecurityAlert | summarize Newest = count() by AlertSeverity");
        browser.find("[aria-label='Move query - 2 up']").click();
        browser.waitUntil(driver -> editorItems().equals("intro | query - 2 | first"));
        assertThat(browser.find("[data-editor-item='query - 2'] input[name='item.1.title']").getAttribute("value")).isEqualTo("Newest");
        browser.screenshot("workbook-editor");
        browser.find("[data-testid='save-workbook']").click();
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith(WORKBOOKS + "/editable"));

        browser.open(WORKBOOKS + "/editable");
        browser.waitUntilText("[data-item='query - 2'] .wb-grid", "High");
        assertThat(shownItems()).isEqualTo("intro | query - 2 | first");
        assertThat(browser.find("[data-item='query - 2'] .wb-title").getText()).isEqualTo("Newest");
        browser.assertNoConsoleErrors();

        browser.open(WORKBOOKS + "/editable/edit");
        browser.waitUntilText("[data-testid='editor-items']", "query - 2");
        saveAgainThroughTheApi("editable");
        browser.find("[aria-label='Delete intro']").click();
        browser.waitUntil(driver -> editorItems().equals("query - 2 | first"));
        browser.find("[data-testid='save-workbook']").click();
        browser.waitUntilText("[data-testid='editor-error']", "Someone else saved this workbook");
        assertThat(editorItems()).as("the edits are still there").isEqualTo("query - 2 | first");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    @Test
    void testAContributorSavesTheIotTemplateAsAWorkbookAndEditsItsTabsGroupsAndGridColumns() {
        browser.signIn("editor", PASSWORD);
        browser.open(WORKBOOKS + "/templates/iot-security");
        browser.find("[data-testid='save-as-workbook']").click();
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/edit"));
        browser.waitUntilText("[data-testid='editor-items']", "query - top devices");
        String view = browser.driver().getCurrentUrl().replaceFirst("/edit$", "");
        assertThat(browser.find("#wb-name").getAttribute("value")).isEqualTo("IoT security");
        assertThat(groupItems("3")).isEqualTo("query - alerts by severity tiles | query - alerts over time | query - alerts by type | query - tactics"
                + " | query - alert list");

        WebElement tab = browser.find("[data-editor-item='links - tabs'] input[name='item.2.link.1.label']");
        tab.clear();
        tab.sendKeys("Plant devices");
        new Select(browser.find("[data-editor-item='query - top devices'] select[name='item.4.0.formatter.1.type']")).selectByVisibleText("Hidden");
        browser.find("[aria-label='Add text to group - alerts']").click();
        browser.waitUntil(driver -> groupItems("3").split(" \\| ").length == 6);
        String text = groupItems("3").split(" \\| ")[5];
        browser.find("[aria-label='Move " + text + " out of its group']").click();
        browser.waitUntil(driver -> topItems().equals("text - header | parameters - filters | links - tabs | group - alerts | " + text
                + " | group - devices | group - incidents"));
        browser.find("[aria-label='Move " + text + " into the group above']").click();
        browser.waitUntil(driver -> groupItems("3").endsWith("query - alert list | " + text));
        browser.find("[aria-label='Move " + text + " up']").click();
        browser.waitUntil(driver -> groupItems("3").endsWith(text + " | query - alert list"));
        assertThat(browser.find("input[name='item.2.link.1.label']").getAttribute("value")).as("edits outlive the buttons").isEqualTo("Plant devices");
        WebElement markdown = browser.find("textarea[name='item.3.4.markdown']");
        markdown.clear();
        markdown.sendKeys("Shift notes for the plant floor");
        browser.screenshot("workbook-editor-groups");
        browser.find("[data-testid='save-workbook']").click();
        browser.waitUntil(driver -> driver.getCurrentUrl().equals(view));

        browser.waitUntilText("[data-item='" + text + "']", "Shift notes for the plant floor");
        browser.clickText("Plant devices");
        browser.waitUntilText("[data-item='query - top devices'] .wb-grid", "plc-");
        assertThat(String.valueOf(browser.script("return Array.from(document.querySelectorAll(\"[data-item='query - top devices'] th\"))"
                + ".map(function (th) { return th.innerText; }).join(' | ');"))).isEqualTo("DeviceId | Hub | Alerts");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    @Test
    void testAReaderSeesTheEditorDisabledWithTheReason() {
        browser.signIn("viewer", PASSWORD);
        browser.open(WORKBOOKS + "/editable");
        WebElement edit = browser.find("[data-testid='edit-workbook']");
        assertThat(edit.getTagName()).isEqualTo("button");
        assertThat(edit.isEnabled()).isFalse();
        assertThat(browser.find("#wb-edit-reason").getText()).contains("Needs Contributor").contains("you have Reader");

        browser.open(WORKBOOKS + "/templates/iot-security");
        WebElement saveAs = browser.find("[data-testid='save-as-workbook']");
        assertThat(saveAs.isEnabled()).isFalse();
        assertThat(browser.find("#wb-save-as-reason").getText()).contains("Needs Contributor");

        browser.open(WORKBOOKS + "/editable/edit");
        assertThat(browser.find("[data-testid='editor-reason']").getText()).contains("Needs Contributor");
        assertThat(browser.find("[data-testid='save-workbook']").isEnabled()).isFalse();
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    /** Someone else's save: the workbook read and written back through the API, which moves its etag on. */
    private static void saveAgainThroughTheApi(String id) {
        JsonNode properties = RunningServer.json(server.get("/api/workspaces/default/workbooks/" + id)).path("properties");
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/workbooks/" + id, server.apiKey(), Map.of("properties",
                Map.of("displayName", properties.path("displayName").asText(), "serializedData", properties.path("serializedData").asText())));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** The names of the items of the group at {@code path} in the editor, in order. */
    private static String groupItems(String path) {
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll(\"[data-group-items='" + path + "'] > [data-editor-item]\"))"
                + ".map(function (item) { return item.getAttribute('data-editor-item'); }).join(' | ');"));
    }

    /** The names of the editor's top-level items, in order. */
    private static String topItems() {
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll(\"[data-testid='editor-items'] > [data-editor-item]\"))"
                + ".map(function (item) { return item.getAttribute('data-editor-item'); }).join(' | ');"));
    }

    private static String editorItems() {
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll('[data-editor-item]'))"
                + ".map(function (item) { return item.getAttribute('data-editor-item'); }).join(' | ');"));
    }
}
