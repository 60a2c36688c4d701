package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleAccessibility;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The editor's settings of a workbook in the browser: a grid column's formatter options (palette,
 * scale, thresholds with their operators, colours and text), an item's conditional visibility and
 * parameters' settings (time range choices, "All") edited in the form and drawn once saved; and a
 * value a setting cannot take, whether the editor refuses it or the save's own checks (the API's)
 * do, shown beside its field with every other edit kept.
 */
class TestWorkbookSettingsEditor {
    private static final String PASSWORD = "settings of the plant floor workbook";
    private static final String WORKBOOKS = "/console/workspaces/default/workbooks";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void alerts() {
        server.createUser("editor", PASSWORD);
        server.grant("editor", "Contributor", "/workspaces/default");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alerts.add(Map.of("TimeGenerated", now.minus(i + 1, ChronoUnit.HOURS).toString(), "SystemAlertId", "settings-alert-" + i,
                    "AlertSeverity", i < 4 ? "High" : "Low", "AlertName", "Brute force", "ProductName", "Azure Security Center for IoT"));
        }
        server.writeAsVigil("SecurityAlert", alerts);
    }

    /** A workbook as Sentinel's editor writes one: parameters, a query with a bar column, a note. */
    private static void saveWorkbook(String id) {
        HttpResponse<String> saved = server.sendJson("PUT", "/api/workspaces/default/workbooks/" + id, server.apiKey(), Map.of("version",
                "Notebook/1.0", "items", List.of(
                        Map.of("type", 9, "name", "parameters - 0", "content", Map.of("version", "KqlParameterItem/1.0", "parameters", List.of(
                                Map.of("name", "Severity", "type", 2, "multiSelect", true, "quote", "'", "delimiter", ",", "jsonData",
                                        "[\"High\", \"Low\"]", "value", List.of("High", "Low")),
                                Map.of("name", "TimeRange", "type", 4, "value", Map.of("durationMs", 86_400_000))))),
                        Map.of("type", 3, "name", "by severity", "content", Map.of("version", "KqlItem/1.0", "title", "By severity", "query",
                                "SecurityAlert | where TimeGenerated {TimeRange} | where AlertSeverity in ({Severity})"
                                        + " | summarize Alerts = count() by AlertSeverity | sort by AlertSeverity asc", "visualization", "table",
                                "gridSettings", Map.of("formatters", List.of(Map.of("columnMatch", "Alerts", "formatter", 4))))),
                        Map.of("type", 1, "name", "note", "content", Map.of("json", "High alerts need a look within the hour.")))));
        assertThat(saved.statusCode()).as(saved.body()).isIn(200, 201);
    }

    private static void select(String name, String value) {
        new Select(browser.find("select[name='" + name + "']")).selectByValue(value);
    }

    private static void type(String name, String text) {
        WebElement field = browser.find("[name='" + name + "']");
        field.clear();
        field.sendKeys(text);
    }

    private static String cellClass(int row, int column) {
        return String.valueOf(browser.script("var rows = document.querySelectorAll(\"[data-item='by severity'] .wb-grid tbody tr\");"
                + " return rows.length > " + row + " ? rows[" + row + "].cells[" + column + "].className + ' ' + rows[" + row + "].cells["
                + column + "].innerText.trim() : '';"));
    }

    @Test
    void testFormatterOptionsVisibilityAndParameterSettingsAreEditedInTheFormAndDrawn() {
        saveWorkbook("settings");
        browser.signIn("editor", PASSWORD);
        browser.open(WORKBOOKS + "/settings/edit");
        browser.waitUntilText("[data-testid='editor-items']", "by severity");

        browser.find("[data-editor-item='by severity'] [data-options='0'] > summary").click();
        select("item.1.formatter.0.type", "8");
        select("item.1.formatter.0.palette", "greenRed");
        type("item.1.formatter.0.min", "0");
        type("item.1.formatter.1.column", "AlertSeverity");
        select("item.1.formatter.1.type", "18");
        browser.find("[data-editor-item='by severity'] [data-options='1'] > summary").click();
        select("item.1.formatter.1.thresholdStyle", "colors");
        select("item.1.formatter.1.threshold.0.operator", "==");
        type("item.1.formatter.1.threshold.0.value", "High");
        select("item.1.formatter.1.threshold.0.representation", "red");
        type("item.1.formatter.1.threshold.0.text", "{0}!");
        browser.find("[data-editor-item='note'] [data-settings='visibility'] > summary").click();
        type("item.2.condition.0.parameter", "Severity");
        select("item.2.condition.0.comparison", "isNotEqualTo");
        type("item.2.condition.0.value", "Low");
        type("item.0.parameter.1.timeRanges", "PT1H, P1D, P3D");
        browser.find("input[type='checkbox'][name='item.0.parameter.0.all']").click();
        browser.screenshot("settings-editor");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the editor's settings").isEmpty();
        browser.find("[data-testid='save-workbook']").click();
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith(WORKBOOKS + "/settings"));

        browser.waitUntil(driver -> cellClass(1, 0).endsWith("Low"));
        assertThat(cellClass(0, 0)).isEqualTo("wb-c-red High!");
        assertThat(cellClass(1, 0)).as("no threshold met: as it is").isEqualTo(" Low");
        assertThat(cellClass(0, 1)).isEqualTo("wb-heat wb-heat-10 wb-p-greenRed 4");
        assertThat(cellClass(1, 1)).isEqualTo("wb-heat wb-heat-5 wb-p-greenRed 2");
        assertThat(browser.script("return Array.from(document.querySelector(\"select[name='TimeRange']\").options)"
                + ".map(function (o) { return o.value; }).join(' ');")).isEqualTo("PT1H PT24H PT72H");
        assertThat(browser.script("return Array.from(document.querySelector(\"select[name='Severity']\").options)"
                + ".map(function (o) { return o.text; }).join(' ');")).isEqualTo("All High Low");
        browser.waitUntilText("[data-item='note']", "within the hour");
        browser.screenshot("settings-drawn");

        browser.script("var select = document.querySelector(\"select[name='Severity']\");"
                + " Array.from(select.options).forEach(function (option) { option.selected = option.value === 'Low'; });"
                + " select.dispatchEvent(new Event('change', { bubbles: true }));");
        browser.waitUntil(driver -> browser.findAll("[data-item='note']").isEmpty() && cellClass(0, 0).endsWith("Low"));
        JsonNode saved = RunningServer.json(server.get("/api/workspaces/default/workbooks/settings")).path("properties").path("serializedData");
        assertThat(saved.asText()).contains("\"conditionalVisibility\":{\"parameterName\":\"Severity\"").contains("\"thresholdsGrid\"")
                .contains("\"selectableValues\":[{\"durationMs\":3600000}");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    @Test
    void testARefusedValueIsShownBesideItsFieldAndEveryEditIsKept() {
        saveWorkbook("refusals");
        browser.signIn("editor", PASSWORD);
        browser.open(WORKBOOKS + "/refusals/edit");
        browser.waitUntilText("[data-testid='editor-items']", "by severity");

        type("item.1.title", "Severity, this shift");
        browser.find("[data-editor-item='by severity'] [data-options='0'] > summary").click();
        type("item.1.formatter.0.min", "low");
        browser.find("button[value='add:text']").click();
        browser.waitUntil(driver -> !browser.findAll("[data-field='item.1.formatter.0.min']").isEmpty());
        assertThat(browser.find("[data-field='item.1.formatter.0.min']").getText()).contains("'low' is not one");
        assertThat(browser.find("[name='item.1.formatter.0.min']").getAttribute("value")).as("the value as typed").isEqualTo("low");
        assertThat(browser.find("[name='item.1.formatter.0.min']").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("[name='item.1.title']").getAttribute("value")).as("the other edits").isEqualTo("Severity, this shift");
        assertThat(browser.findAll("[data-editor-item]")).as("and the button's own change").hasSize(4);

        browser.find("[data-testid='save-workbook']").click();
        browser.waitUntilText("[data-testid='editor-error']", "Nothing was saved");
        assertThat(browser.find("[data-field='item.1.formatter.0.min']").isDisplayed()).isTrue();

        type("item.1.formatter.0.min", "1");
        type("item.0.parameter.0.options", "[\"High\", \"Low\"");
        browser.find("[data-testid='save-workbook']").click();
        browser.waitUntil(driver -> !browser.findAll("[data-field='item.0.parameter.0.options']").isEmpty());
        assertThat(browser.find("[data-field='item.0.parameter.0.options']").getText()).as("the API's own check, beside the field")
                .contains("is not JSON").contains("items[0].content.parameters[0].jsonData");
        assertThat(browser.find("[name='item.1.title']").getAttribute("value")).isEqualTo("Severity, this shift");
        assertThat(browser.find("[name='item.1.formatter.0.min']").getAttribute("value")).isEqualTo("1");
        browser.screenshot("settings-refused");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the editor with its marks").isEmpty();
        assertThat(RunningServer.json(server.get("/api/workspaces/default/workbooks/refusals")).path("properties").path("serializedData").asText())
                .as("nothing was saved").doesNotContain("this shift");

        type("item.0.parameter.0.options", "[\"High\", \"Low\"]");
        browser.find("[data-testid='save-workbook']").click();
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith(WORKBOOKS + "/refusals"));
        browser.waitUntilText("[data-item='by severity'] .wb-title", "Severity, this shift");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }
}
