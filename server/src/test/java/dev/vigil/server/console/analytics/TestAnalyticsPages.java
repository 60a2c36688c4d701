package dev.vigil.server.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.rules.RuleBodies;
import dev.vigil.server.api.rules.RuleFixtures;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Analytics in a browser: a Scheduled rule made through the wizard after a results simulation, a
 * rule edit that takes effect on the rule's next run (the server runs on a clock the test moves),
 * a rule made from a template, duplicating, and a Reader's disabled controls with their reason.
 */
class TestAnalyticsPages {
    private static final String PASSWORD = "analytics-test-password";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final String RULES = "/api/workspaces/default/alertRules";
    private static final String ANALYTICS = "/console/workspaces/default/analytics";
    private static final String EXCESSIVE_LOGINS = "0c0fe710-efcc-5c2f-9a2a-c46db9b933b8";

    private static final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass().withClock(clock);

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void users() {
        server.createUser("owner", PASSWORD);
        server.grant("owner", "Owner", "/");
        server.createUser("reader", PASSWORD);
        server.grant("reader", "Reader", "/workspaces/default");
    }

    @AfterEach
    void signOut() {
        if (browser.driver().getCurrentUrl().contains("/console/workspaces/")) {
            browser.signOut();
        }
    }

    private static void iotAlerts(Instant at, String severity, String... devices) {
        RuleFixtures.ingestIotAlerts(server, at, severity, devices);
    }

    private static String iotQuery(String severity) {
        return RuleFixtures.iotAlertsQuery(severity);
    }

    /** A Scheduled rule every 5 minutes over 5 minutes, alerting above the threshold. */
    private static Map<String, Object> scheduledRule(String name, String query, int threshold) {
        Map<String, Object> body = RuleBodies.scheduled(query, threshold);
        RuleBodies.properties(body).put("displayName", name);
        return body;
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    private static JsonNode rule(String id) {
        return RunningServer.json(server.get(RULES + "/" + id));
    }

    private static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        RunningServer.json(server.get(RULES)).path("value").forEach(rules::add);
        return rules;
    }

    private static long alertsOf(String ruleId) {
        return server.count("SecurityAlert | where AlertType == 'default_" + ruleId + "' | count");
    }

    /** Types the query as a whole into the wizard's Monaco editor, as a paste does. */
    private static void setQuery(String query) {
        browser.find("#rule-query-editor .monaco-editor");
        browser.script("window.monaco.editor.getEditors()[0].setValue(arguments[0])", query);
    }

    /** Brings the results simulation's answer into view, for a screenshot. */
    private static void showDryRun() {
        browser.script("document.getElementById('results-simulation').scrollIntoView()");
    }

    private static void fill(String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void testAScheduledRuleIsCreatedThroughTheWizardAfterAResultsSimulation() {
        iotAlerts(clock.instant().minus(Duration.ofMinutes(32)), "High", "dev-1", "dev-2", "dev-3");
        browser.signIn("owner", PASSWORD);
        browser.open(ANALYTICS);
        browser.clickText("Create scheduled query rule");
        browser.waitUntilText("h1", "Create scheduled query rule");

        fill("#rule-name", "High IoT alerts <b>bold</b>");
        browser.find("input[name=tactics][value=InitialAccess]").click();
        setQuery("SecurityAlert | where NoSuchColumn == 1");
        browser.find("#rule-query-editor .squiggly-error");
        browser.waitUntilText("#rule-query-diagnostics", "Line 1, column 23");
        browser.script("document.getElementById('rule-logic').scrollIntoView()");
        browser.screenshot("wizard-query-error-underlined");
        setQuery(iotQuery("High"));
        browser.waitUntilText("[data-testid=result-columns]", "DeviceId");
        browser.clickText("Add new entity");
        new Select(browser.find("#entity-0-type")).selectByVisibleText("IoTDevice");
        browser.waitUntil(d -> (Boolean) browser.script("var s = document.getElementById('entity-0-identifier-0');"
                + " return !!s && Array.prototype.some.call(s.options, function (o) { return o.text === 'DeviceId'; });"));
        new Select(browser.find("#entity-0-identifier-0")).selectByVisibleText("DeviceId");
        new Select(browser.find("#entity-0-column-0")).selectByVisibleText("DeviceId");
        fill("#rule-frequency", "5");
        new Select(browser.find("#rule-frequency-unit")).selectByVisibleText("Minutes");
        fill("#rule-period", "5");
        new Select(browser.find("#rule-period-unit")).selectByVisibleText("Minutes");
        browser.find("input[name=aggregation][value=AlertPerResult]").click();
        fill("#rule-threshold", "lots");

        new Select(browser.find("#dry-run-window")).selectByVisibleText("Last hour");
        browser.clickText("Test with current data");
        browser.waitUntilText("[data-testid=dry-run-results]", "cannot be simulated");
        assertThat(browser.find("[data-testid=dry-run-error]").getText()).contains("triggerThreshold");
        fill("#rule-threshold", "0");
        browser.clickText("Test with current data");
        browser.waitUntilText("[data-testid=dry-run-summary]", "3 alerts over the last hour");
        assertThat(browser.find("[data-testid=dry-run-alerts]").getText()).contains("dev-1", "dev-2", "dev-3", "High");
        assertThat(rules()).as("a results simulation saves nothing").noneMatch(r -> r.path("properties").path("displayName").asText().startsWith("High IoT"));
        showDryRun();
        browser.screenshot("wizard-dry-run");

        fill("#rule-threshold", "lots");
        browser.clickText("Create");
        browser.waitUntilText("#rule-threshold-error", "must be a whole number from 0 to 10000");
        assertThat(browser.find("#rule-threshold").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("[data-testid=rule-error]").getText()).contains("properties.triggerThreshold");
        browser.find("#rule-query-editor .monaco-editor");
        browser.screenshot("wizard-error-at-field");
        fill("#rule-threshold", "0");
        browser.clickText("Create");

        browser.find("[data-testid=rule-saved]");
        String id = browser.driver().getCurrentUrl().replaceAll(".*/rules/([^/?]+).*", "$1");
        JsonNode saved = rule(id).path("properties");
        assertThat(saved.path("displayName").asText()).isEqualTo("High IoT alerts <b>bold</b>");
        assertThat(saved.path("queryFrequency").asText()).isEqualTo("PT5M");
        assertThat(saved.path("eventGroupingSettings").path("aggregationKind").asText()).isEqualTo("AlertPerResult");
        assertThat(saved.path("tactics").toString()).isEqualTo("[\"InitialAccess\"]");
        assertThat(saved.path("entityMappings").toString())
                .isEqualTo("[{\"entityType\":\"IoTDevice\",\"fieldMappings\":[{\"identifier\":\"DeviceId\",\"columnName\":\"DeviceId\"}]}]");
        browser.screenshot("wizard-saved");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testARuleEditTakesEffectOnItsNextRun() {
        ok(server.sendJson("PUT", RULES + "/edit-me", server.apiKey(), scheduledRule("Rule to edit", iotQuery("Medium"), 0)));
        server.server().awaitAnalytics();
        iotAlerts(clock.instant().plusSeconds(60), "Medium", "dev-7");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(alertsOf("edit-me")).isEqualTo(1);

        browser.signIn("owner", PASSWORD);
        browser.open(ANALYTICS);
        assertThat(browser.find("[data-rule=edit-me] [data-testid=health-detail]").getText()).isEqualTo("1 results, 1 alerts");
        browser.clickText("Rule to edit");
        browser.waitUntilText("h1", "Edit Scheduled rule");
        fill("#rule-threshold", "5");
        browser.clickText("Save");
        browser.find("[data-testid=rule-saved]");
        assertThat(rule("edit-me").path("properties").path("triggerThreshold").asInt()).isEqualTo(5);

        iotAlerts(clock.instant().plusSeconds(60), "Medium", "dev-8");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(alertsOf("edit-me")).as("one result is not above the new threshold").isEqualTo(1);
        browser.open(ANALYTICS);
        assertThat(browser.find("[data-rule=edit-me] [data-testid=health-detail]").getText()).isEqualTo("1 results, 0 alerts");
        browser.screenshot("rule-edit-no-alert");

        browser.clickText("Rule to edit");
        browser.waitUntilText("h1", "Edit Scheduled rule");
        setQuery(iotQuery("Low"));
        browser.waitUntil(d -> "".equals(browser.find("#rule-query-diagnostics").getText()));
        fill("#rule-threshold", "0");
        browser.clickText("Save");
        browser.find("[data-testid=rule-saved]");
        assertThat(rule("edit-me").path("properties").path("query").asText()).isEqualTo(iotQuery("Low"));

        iotAlerts(clock.instant().plusSeconds(60), "Low", "dev-9");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(alertsOf("edit-me")).as("the edited query finds the low alert").isEqualTo(2);
        assertThat(server.count("SecurityAlert | where AlertType == 'default_edit-me' and ExtendedProperties has 'Low' | count"))
                .as("the new alert carries the edited query").isEqualTo(1);
        browser.open(ANALYTICS);
        assertThat(browser.find("[data-rule=edit-me] [data-testid=health-detail]").getText()).isEqualTo("1 results, 1 alerts");
        browser.screenshot("rule-edit-alert-again");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testARuleIsCreatedFromATemplate() {
        browser.signIn("owner", PASSWORD);
        browser.open(ANALYTICS);
        browser.clickText("Rule templates");
        browser.clickText("Excessive login attempts (Microsoft Defender for IoT)");
        browser.waitUntilText("[data-testid=template-pane]", "Runs every 5 minutes");
        assertThat(browser.find("[data-testid=template-pane]").getText()).contains("SecurityAlert");
        browser.screenshot("templates-selected");
        browser.clickText("Create rule");

        browser.waitUntilText("h1", "Create scheduled query rule");
        assertThat(browser.find("#rule-name").getAttribute("value")).isEqualTo("Excessive login attempts (Microsoft Defender for IoT)");
        browser.find("#rule-query-editor .monaco-editor");
        browser.screenshot("wizard-from-template");
        browser.clickText("Create");

        browser.find("[data-testid=rule-saved]");
        assertThat(rules()).filteredOn(r -> r.path("properties").path("alertRuleTemplateName").asText().equals(EXCESSIVE_LOGINS)).hasSize(1);
        browser.open(ANALYTICS + "/templates?template=" + EXCESSIVE_LOGINS);
        assertThat(browser.find("[data-template='" + EXCESSIVE_LOGINS + "']").getText()).endsWith("1");
        browser.assertNoConsoleErrors();
    }

    @Test
    void testDuplicateMakesADisabledCopyAndTheListFiltersAndSorts() {
        ok(server.sendJson("PUT", RULES + "/original", server.apiKey(), scheduledRule("Original rule", iotQuery("High"), 3)));
        browser.signIn("owner", PASSWORD);
        browser.open(ANALYTICS);
        browser.find("[data-rule=original]").findElement(org.openqa.selenium.By.xpath(".//button[normalize-space(.)='Duplicate']")).click();

        browser.waitUntilText("[data-testid=rules-message]", "'Original rule - Copy' is created, disabled");
        int total = rules().size();
        assertThat(browser.find("[data-testid=rule-counts]").getText()).startsWith(total + " active rules · ");
        JsonNode copy = rules().stream().filter(r -> r.path("properties").path("displayName").asText().equals("Original rule - Copy")).findFirst()
                .orElseThrow();
        assertThat(copy.path("properties").path("enabled").asBoolean()).isFalse();
        assertThat(copy.path("properties").path("triggerThreshold").asInt()).isEqualTo(3);

        new Select(browser.find("#rule-filter-status")).selectByVisibleText("Disabled");
        browser.waitUntilText("[data-testid=rules-shown]", "match the filters");
        assertThat(browser.findAll("#active-rules tbody tr")).allMatch(row -> row.getText().contains("Disabled"));
        assertThat(browser.find("#active-rules").getText()).contains("Original rule - Copy");
        browser.screenshot("active-rules-filtered");
        new Select(browser.find("#rule-filter-status")).selectByVisibleText("All");
        browser.waitUntil(d -> browser.findAll("[data-testid=rules-shown]").isEmpty());
        browser.clickText("Name");
        browser.waitUntil(d -> d.getCurrentUrl().contains("order=desc"));
        List<String> names = browser.findAll("#active-rules tbody tr td:first-child").stream().map(WebElement::getText).toList();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        browser.assertNoConsoleErrors();
    }

    @Test
    void testAReaderSeesRuleChangesDisabledWithTheReasonAndMaySimulate() {
        ok(server.sendJson("PUT", RULES + "/read-only", server.apiKey(), scheduledRule("Rule a reader opens", iotQuery("High"), 0)));
        String reason = "Needs Contributor on workspace 'default'; you have Reader.";
        browser.signIn("reader", PASSWORD);
        browser.open(ANALYTICS);
        WebElement create = browser.find(".header-actions button");
        assertThat(create.isEnabled()).isFalse();
        assertThat(browser.find("#" + create.getAttribute("aria-describedby")).getText()).isEqualTo(reason);
        WebElement duplicate = browser.find("[data-rule=read-only]").findElement(org.openqa.selenium.By.xpath(".//button[normalize-space(.)='Duplicate']"));
        assertThat(duplicate.isEnabled()).isFalse();
        browser.screenshot("reader-active-rules");

        browser.clickText("Rule a reader opens");
        browser.waitUntilText("h1", "Edit Scheduled rule");
        assertThat(browser.find("#rule-reason").getText()).isEqualTo(reason);
        assertThat(browser.find("#rule-name").isEnabled()).isFalse();
        assertThat(browser.find("#rule-threshold").isEnabled()).isFalse();
        WebElement save = browser.find(".form-actions button[type=submit]");
        assertThat(save.isEnabled()).isFalse();
        assertThat(save.getAttribute("aria-describedby")).isEqualTo("rule-reason");
        new Select(browser.find("#dry-run-window")).selectByVisibleText("Last hour");
        browser.clickText("Test with current data");
        browser.waitUntilText("[data-testid=dry-run-summary]", "over the last hour");
        showDryRun();
        browser.screenshot("reader-rule-dry-run");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("reader-rule");

        browser.open(ANALYTICS + "/templates?template=" + EXCESSIVE_LOGINS);
        WebElement fromTemplate = browser.find("[data-testid=template-pane] .button-primary");
        assertThat(fromTemplate.isEnabled()).isFalse();
        assertThat(browser.find("#templates-reason").getText()).isEqualTo(reason);
        browser.assertNoConsoleErrors();
    }

    @Test
    void testTheAnalyticsPagesRenderInBothThemes() {
        browser.signIn("owner", PASSWORD);
        for (String theme : List.of("light", "dark")) {
            if (!theme.equals(browser.script("return document.documentElement.getAttribute('data-theme')"))) {
                browser.find("[data-theme-toggle]").click();
            }
            browser.open(ANALYTICS);
            browser.screenshot(theme + "-active-rules");
            browser.open(ANALYTICS + "/new?template=" + EXCESSIVE_LOGINS);
            browser.find("#rule-query-editor .monaco-editor");
            browser.screenshot(theme + "-wizard");
            browser.script("document.getElementById('rule-logic').scrollIntoView()");
            browser.screenshot(theme + "-wizard-query");
            browser.script("document.getElementById('alert-enhancement').scrollIntoView()");
            browser.screenshot(theme + "-wizard-alert-enhancement");
            new Select(browser.find("#dry-run-window")).selectByVisibleText("Last hour");
            browser.clickText("Test with current data");
            browser.find("[data-testid=dry-run-summary]");
            showDryRun();
            browser.screenshot(theme + "-wizard-dry-run");
            browser.open(ANALYTICS + "/templates?template=" + EXCESSIVE_LOGINS);
            browser.screenshot(theme + "-templates");
            browser.assertNoConsoleErrors();
        }
        browser.find("[data-theme-toggle]").click();
    }
}
