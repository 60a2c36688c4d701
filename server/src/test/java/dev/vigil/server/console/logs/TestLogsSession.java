package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An analyst's Logs session in a browser: completion and an underlined error, a {@code render
 * timechart} drawn as a chart in both themes, sort, filter and export of the grid, the history and
 * a saved query; and the home page's charts of the last 24 hours.
 */
class TestLogsSession {
    private static final String PASSWORD = "logs-session-passphrase";
    private static final String LOGS = "/console/workspaces/default/logs";
    private static final String[] SEVERITIES = {"High", "Medium", "Low"};
    private static final int ALERTS = 12;

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void alertsOverTheLastHours() {
        server.createUser("analyst", PASSWORD);
        server.grant("analyst", "Contributor", "/workspaces/default");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> alerts = new ArrayList<>();
        List<Map<String, Object>> raw = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            String at = now.minus(i % 6, ChronoUnit.HOURS).minus(i, ChronoUnit.MINUTES).toString();
            alerts.add(Map.of("SystemAlertId", "alert-" + i, "AlertName", "Alert " + (char) ('A' + i), "AlertSeverity", SEVERITIES[i % 3],
                    "TimeGenerated", at));
            raw.add(Map.of("TimeGenerated", at));
            raw.add(Map.of("TimeGenerated", at));
        }
        server.writeAsVigil("SecurityAlert", alerts);
        server.writeAsVigil("SecurityIoTRawEvent", raw);
    }

    @AfterEach
    void lightThemeAndSignOut() {
        if ("dark".equals(browser.script("return document.documentElement.getAttribute('data-theme')"))) {
            browser.find("[data-theme-toggle]").click();
        }
        if (browser.driver().getCurrentUrl().contains("/console/workspaces/")) {
            browser.signOut();
        }
    }

    @Test
    void testTheEditorCompletesAndUnderlinesAnError() {
        browser.signIn("analyst", PASSWORD);
        browser.open(LOGS);
        WebElement editor = browser.find(".monaco-editor textarea");

        editor.sendKeys("SecurityAlert | where Nope == 1");

        browser.find(".monaco-editor .squiggly-error");
        browser.waitUntilText("#query-diagnostics", "Line 1, column 23");
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "SecurityAlert | whe");
        editor.sendKeys(Keys.chord(Keys.CONTROL, " "));
        browser.waitUntilText(".monaco-editor .suggest-widget", "where");
        browser.screenshot("logs-session-completion");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testATimechartQueryIsDrawnInBothThemesAndShownAsATableOnDemand() {
        browser.signIn("analyst", PASSWORD);
        openWith("SecurityAlert | summarize Alerts = dcount(SystemAlertId) by bin(TimeGenerated, 1h), AlertSeverity | render timechart");

        browser.clickText("Run");

        browser.find(".result-chart canvas");
        assertThat(seriesNames()).containsExactlyInAnyOrder(SEVERITIES);
        assertThat(browser.find("[data-result-table]").isDisplayed()).isFalse();
        browser.screenshot("logs-timechart-light");
        browser.find("[data-theme-toggle]").click();
        browser.waitUntil(d -> "dark".equals(browser.script("return document.documentElement.getAttribute('data-theme')")));
        assertThat(seriesNames()).as("drawn again in the dark theme").containsExactlyInAnyOrder(SEVERITIES);
        browser.screenshot("logs-timechart-dark");

        browser.clickText("Table");

        assertThat(browser.findVisible("[data-result-table]").getText()).contains("High", "Medium", "Low");
        assertThat(browser.find(".result-chart").isDisplayed()).isFalse();
        browser.screenshot("logs-timechart-as-table-dark");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testEveryRenderKindIsDrawnAsItsChart() {
        browser.signIn("analyst", PASSWORD);
        openWith("print 1");
        String bySeverity = "SecurityAlert | summarize Alerts = count() by AlertSeverity | render ";
        String squares = "range x from 1 to 20 step 1 | extend y = x * x | render ";
        Map<String, String> kinds = Map.of(bySeverity + "piechart", "pie", bySeverity + "barchart", "bar", bySeverity + "columnchart", "bar",
                squares + "linechart", "line", squares + "areachart", "line area", squares + "scatterchart", "scatter");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            setEditor(kind.getKey());
            browser.script("document.getElementById('results').textContent = '';");
            browser.clickText("Run");
            browser.waitUntil(d -> kind.getValue().equals(browser.script("var host = document.querySelector('.result-chart[data-drawn]');"
                    + "var chart = host && echarts.getInstanceByDom(host);"
                    + "var series = chart && chart.getOption().series;"
                    + "return series && series.length && series[0].data.length ? series[0].type + (series[0].areaStyle ? ' area' : '') : null;")));
            assertThat(seriesNames()).as("the x column runs along the axis, the others are series").doesNotContain("x");
        }
        browser.screenshot("logs-scatterchart-or-last-kind");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testSortFilterAndExportWorkOnTheGrid() {
        browser.signIn("analyst", PASSWORD);
        openWith("SecurityAlert | project AlertName, AlertSeverity, SystemAlertId");
        browser.clickText("Run");
        browser.waitUntilText("[data-testid=result-summary]", ALERTS + " rows");

        browser.find("[data-testid=sort-AlertName]").click();
        browser.find("th[aria-sort=ascending]");
        assertThat(firstCell()).isEqualTo("Alert A");
        browser.find("[data-testid=sort-AlertName]").click();
        browser.find("th[aria-sort=descending]");
        browser.waitUntil(d -> ("Alert " + (char) ('A' + ALERTS - 1)).equals(firstCell()));

        browser.find("[data-testid=result-filter]").sendKeys("high");
        browser.find("[data-testid=result-filter-column] option[value='1']").click();
        browser.clickText("Filter");

        browser.waitUntilText("[data-testid=result-summary]", ALERTS / 3 + " match the filter");
        assertThat(browser.findAll("[data-testid=results] tbody tr")).hasSize(ALERTS / 3);
        assertThat(firstCell()).as("the sort stays with the filter").isEqualTo("Alert J");
        assertThat(browser.find("[data-testid=export]").getText()).contains("Export " + ALERTS / 3 + " rows");
        browser.screenshot("logs-sorted-filtered");
        String csv = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('[data-testid=export-csv]').href, {credentials: 'same-origin'})"
                + ".then(function (r) { return r.text(); }).then(done);");
        assertThat(csv.split("\r?\n")).hasSize(ALERTS / 3 + 1).startsWith("AlertName,AlertSeverity,SystemAlertId", "Alert J,High,alert-9");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testAQueryOfSeveralTablesShowsTheFirstAndATabForEveryTable() {
        browser.signIn("analyst", PASSWORD);
        openWith("SecurityAlert | count; SecurityAlert | summarize Alerts = count() by AlertSeverity | as BySeverity");

        browser.clickText("Run");

        browser.waitUntilText("[data-testid=result-summary]", "Table_0 (table 1 of 2)");
        assertThat(browser.findAll("[data-testid=result-table-tab]")).extracting(WebElement::getText)
                .containsExactly("Table_0 1 row", "BySeverity 3 rows");
        assertThat(browser.find("[data-testid=result-tables] [aria-current=page]").getText()).startsWith("Table_0");
        assertThat(firstCell()).isEqualTo(String.valueOf(ALERTS));
        browser.screenshot("logs-several-tables-first");

        browser.findAll("[data-testid=result-table-tab]").get(1).click();

        browser.waitUntilText("[data-testid=result-summary]", "BySeverity (table 2 of 2)");
        assertThat(browser.find("[data-testid=result-tables] [aria-current=page]").getText()).startsWith("BySeverity");
        assertThat(browser.findAll("[data-testid=results] thead th")).extracting(th -> th.getText().replaceAll("\\s+", " "))
                .containsExactly("AlertSeverity string", "Alerts long");
        assertThat(browser.findAll("[data-testid=results] tbody tr")).hasSize(3);
        browser.find("[data-testid=sort-Alerts]").click();
        browser.find("th[aria-sort=ascending]");
        assertThat(browser.find("[data-testid=result-summary]").getText()).as("the sort stays on the second table").contains("BySeverity");
        browser.screenshot("logs-several-tables-second");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testTheHistoryRestoresAQueryAndASavedQueryReopens() {
        browser.signIn("analyst", PASSWORD);
        openWith("SecurityAlert | take 3");
        browser.clickText("Run");
        browser.waitUntilText("[data-testid=result-summary]", "3 rows");
        setEditor("print nothing = 0");

        browser.find("[data-testid=history-button]").click();
        browser.waitUntilText("[data-testid=history-list]", "SecurityAlert | take 3");
        browser.screenshot("logs-history");
        browser.find("[data-testid=history-list] [data-restore-query='SecurityAlert | take 3']").click();

        browser.waitUntil(d -> "SecurityAlert | take 3".equals(editorText()));
        browser.find("[data-testid=saved-button]").click();
        browser.findVisible("#save-name").sendKeys("Three alerts");
        browser.clickText("Save");
        browser.waitUntilText("[data-testid=saved-list]", "Three alerts");
        browser.screenshot("logs-saved");

        browser.open(LOGS);
        browser.find(".monaco-editor");
        browser.find("[data-testid=saved-button]").click();
        browser.waitUntilText("[data-testid=saved-list]", "Three alerts");
        browser.find("[data-testid=saved-list] [data-restore-query]").click();

        browser.waitUntil(d -> "SecurityAlert | take 3".equals(editorText()));
        browser.assertNoConsoleErrors();
    }

    @Test
    void testTheHomePageChartsTheLast24HoursInBothThemes() {
        browser.signIn("analyst", PASSWORD);
        browser.open("/console/workspaces/default");

        browser.waitUntil(d -> browser.findAll("[data-testid=flow-chart] canvas").size() == 3);
        assertThat(hourlySum(0)).isEqualTo(2L * ALERTS);
        assertThat(hourlySum(1)).isEqualTo(ALERTS);
        browser.screenshot("home-charts-light");
        browser.find("[data-theme-toggle]").click();
        browser.waitUntil(d -> "dark".equals(browser.script("return document.documentElement.getAttribute('data-theme')")));
        assertThat(hourlySum(1)).isEqualTo(ALERTS);
        browser.screenshot("home-charts-dark");
        browser.assertNoConsoleErrors();
    }

    private static void openWith(String query) {
        browser.open(LOGS + "?timespan=P1D&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        browser.find(".monaco-editor");
    }

    @SuppressWarnings("unchecked")
    private static List<String> seriesNames() {
        return (List<String>) browser.script("var chart = echarts.getInstanceByDom(document.querySelector('.result-chart'));"
                + "return chart ? chart.getOption().series.map(function (s) { return s.name; }) : [];");
    }

    /** The sum of the counts the home page's chart at this position draws. */
    private static long hourlySum(int chart) {
        return (Long) browser.script("var chart = echarts.getInstanceByDom(document.querySelectorAll('[data-testid=flow-chart]')[arguments[0]]);"
                + "return chart.getOption().series[0].data.reduce(function (sum, point) { return sum + point[1]; }, 0);", chart);
    }

    private static String firstCell() {
        return browser.find("[data-testid=results] tbody tr td").getText();
    }

    private static String editorText() {
        return (String) browser.script("return window.monaco ? window.monaco.editor.getModels()[0].getValue() : null;");
    }

    private static void setEditor(String text) {
        browser.script("window.monaco.editor.getModels()[0].setValue(arguments[0]);", text);
    }
}
