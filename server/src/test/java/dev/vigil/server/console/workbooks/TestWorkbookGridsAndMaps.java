package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleAccessibility;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * A workbook imported as Sentinel publishes it (an ARM template, {@code plant-floor-grids.arm.json})
 * drawn in the browser: its grid's column formatters (thresholds as icons and as colours, icons,
 * heat maps and bars in their palettes, a regular expression of columns on one scale, numbers with
 * units, dates, links, spark areas, a hidden column), a map by latitude and longitude drawn with
 * ECharts, a map by country shown as a notice beside its grid, and conditional visibility; readable
 * in both themes, with every control labelled, and never an error in the browser's console.
 */
class TestWorkbookGridsAndMaps {
    private static final String PASSWORD = "grids and maps of the plant floor";
    private static final String PAGE = "/console/workspaces/default/workbooks/plant-floor";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void alertsAndThePublishedWorkbook() throws IOException {
        server.createUser("viewer", PASSWORD);
        server.grant("viewer", "Reader", "/workspaces/default");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.add(Map.of("TimeGenerated", now.minus(i + 1, ChronoUnit.HOURS).toString(), "SystemAlertId", "grid-alert-" + i, "AlertSeverity",
                    i < 3 ? "High" : "Low", "AlertName", "Brute force", "ProductName", "Azure Security Center for IoT"));
        }
        server.writeAsVigil("SecurityAlert", alerts);
        String published;
        try (InputStream in = TestWorkbookGridsAndMaps.class.getResourceAsStream("plant-floor-grids.arm.json")) {
            assertThat(in).as("the fixture plant-floor-grids.arm.json").isNotNull();
            published = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> saved = server.send(server.request("/api/workspaces/default/workbooks/plant-floor", server.apiKey())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(published)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    /** The texts of a grid row's cells, in one script: the items may be redrawn between two reads of WebDriver. */
    private static String row(String item, int row) {
        return String.valueOf(browser.script("var rows = document.querySelectorAll(\"[data-item='" + item + "'] .wb-grid tbody tr\");"
                + " return rows.length > " + row + " ? Array.from(rows[" + row + "].cells).map(function (td) { return td.innerText.trim(); }).join(' | ') : '';"));
    }

    private static String classOf(String item, int row, int column) {
        return String.valueOf(browser.script("return document.querySelectorAll(\"[data-item='" + item + "'] .wb-grid tbody tr\")[" + row + "].cells["
                + column + "].className;"));
    }

    @Test
    void testTheGridsFormattersAreDrawnAsSentinelDrawsThem() {
        browser.signIn("viewer", PASSWORD);
        browser.open(PAGE);
        browser.waitUntil(driver -> row("query - devices", 1).startsWith("plc-2 (hot)"));

        assertThat(String.valueOf(browser.script("return Array.from(document.querySelectorAll(\"[data-item='query - devices'] th\"))"
                + ".map(function (th) { return th.innerText; }).join(' | ');")))
                .as("the hidden column is left out").isEqualTo("Device | Status | Alerts | Latency | Trend | Seen | Runbook | Share | Mean | p95");
        assertThat(row("query - devices", 0)).isEqualTo("plc-1 | success | 2 | 250 ms |  | 2026-12-08 01:05 UTC | Runbook | 12.3% | 10.0 | 20.0");
        assertThat(row("query - devices", 1)).isEqualTo("plc-2 (hot) | Sev1 | 14 alerts | 1.23 s |  | 2026-12-07 23:00 UTC"
                + " | javascript:alert(1) | 0.5% | 30.0 | 40.0");
        assertThat(classOf("query - devices", 1, 0)).isEqualTo("wb-c-red");
        assertThat(browser.find("[data-item='query - devices'] tbody tr:nth-child(2) td:nth-child(2) .wb-icon").getAttribute("class"))
                .contains("wb-icon-critical");
        assertThat(browser.find("[data-item='query - devices'] tbody tr:nth-child(2) td:nth-child(3) .wb-icon").getAttribute("aria-label"))
                .isEqualTo("critical");
        assertThat(classOf("query - devices", 0, 3)).isEqualTo("wb-heat wb-heat-1 wb-p-greenRed");
        assertThat(classOf("query - devices", 1, 3)).isEqualTo("wb-heat wb-heat-6 wb-p-greenRed");
        assertThat(classOf("query - devices", 0, 7)).isEqualTo("wb-bar wb-bar-6 wb-p-blue");
        assertThat(classOf("query - devices", 0, 8) + " / " + classOf("query - devices", 1, 9)).as("Mean|p95 share one scale")
                .isEqualTo("wb-heat wb-heat-3 wb-p-coldHot / wb-heat wb-heat-10 wb-p-coldHot");
        browser.find("[data-item='query - devices'] svg.wb-spark-area.wb-p-purple polygon");
        WebElement runbook = browser.find("[data-item='query - devices'] tbody tr:nth-child(1) td:nth-child(7) a");
        assertThat(runbook.getAttribute("href")).isEqualTo("https://learn.microsoft.com/azure/sentinel/");
        assertThat(runbook.getAttribute("rel")).contains("noopener");
        assertThat(browser.findAll("[data-item='query - devices'] tbody tr:nth-child(2) td:nth-child(7) a")).as("no link to javascript:").isEmpty();
        assertThat(browser.findAll("[data-item='query - devices'] [data-testid='workbook-notice']")).isEmpty();

        browser.waitUntil(driver -> row("query - severity", 1).startsWith("Low"));
        assertThat(classOf("query - severity", 0, 0)).isEqualTo("wb-c-red");
        assertThat(classOf("query - severity", 1, 0)).isEqualTo("wb-c-yellow");
        assertThat(classOf("query - severity", 0, 1)).isEqualTo("wb-under wb-under-10 wb-p-orange");
        browser.screenshot("grids-light");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the formatted grids, light").isEmpty();
        browser.find("[data-theme-toggle]").click();
        browser.waitUntil(d -> "dark".equals(browser.script("return document.documentElement.getAttribute('data-theme')")));
        browser.screenshot("grids-dark");
        assertThat(ConsoleAccessibility.problems(browser)).as("contrast and labels of the formatted grids, dark").isEmpty();
        browser.find("[data-theme-toggle]").click();
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    @Test
    void testAMapByLatitudeAndLongitudeIsDrawnAndAMapByCountryIsANotice() {
        browser.signIn("viewer", PASSWORD);
        browser.open(PAGE);

        browser.find("[data-item='query - sites'] [data-testid='workbook-chart'] canvas");
        assertThat(browser.find("[data-item='query - sites'] [data-testid='workbook-chart']").getAttribute("data-chart"))
                .contains("\"kind\":\"map\"").contains("\"name\":\"Plant C\"").contains("\"lat\":-33.9").contains("\"lon\":151.2");
        assertThat(browser.script("var chart = echarts.getInstanceByDom(document.querySelector(\"[data-item='query - sites'] [data-chart]\"));"
                + " return chart.getOption().series[0].data.length;")).isEqualTo(3L);
        assertThat(browser.find("[data-item='query - countries'] [data-testid='workbook-notice']").getText()).contains("CountryRegion")
                .contains("shown as a table");
        assertThat(row("query - countries", 1)).isEqualTo("US | 12");
        browser.screenshot("maps");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }

    @Test
    void testConditionalVisibilityFollowsTheParameter() {
        browser.signIn("viewer", PASSWORD);
        browser.open(PAGE);
        browser.waitUntil(driver -> !row("query - devices", 0).isEmpty());
        // the hint is the seventh item: its slot is in place, hidden, for a change to fill
        assertThat(browser.find("#wb-item-6").getAttribute("hidden")).isNotNull();

        browser.script("var select = document.querySelector(\"select[name='View']\"); select.value = 'none';"
                + " select.dispatchEvent(new Event('change', { bubbles: true }));");
        browser.waitUntilText("[data-item='text - hidden hint']", "Switch the view back");
        assertThat(browser.findAll("[data-item='query - devices']")).isEmpty();
        assertThat(browser.driver().getCurrentUrl()).contains("View=none");
        browser.assertNoConsoleErrors();
        browser.signOut();
    }
}
