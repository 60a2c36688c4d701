package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.simulator.FleetProvisioner;
import dev.vigil.server.simulator.Simulation;
import dev.vigil.server.simulator.SimulationSettings;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The seed's walk, in a browser, on a running server with a simulated fleet: sign in, Data
 * connectors, Defender for IoT, Open connector page, Connect refused while no hub has Defender for
 * IoT on, turn it on, Connect, Create incidents, Enable, the rule under Analytics > Active rules,
 * and the seed's query in Logs showing the fleet's alerts.
 */
class TestSeedWalk {
    private static final String PASSWORD = "seed-walk-passphrase-1";
    private static final String SUBSCRIPTION = FleetProvisioner.subscriptionId(0);
    private static final String SEED_QUERY = "SecurityAlert | where ProductName == \"Azure Security Center for IoT\"";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    private static SimulationSettings fleet() {
        return SimulationSettings.defaults(server.uri("/"), server.apiKey(), server.server().mqttPort()).withFleet(2, 1, 1)
                .withTraffic(Duration.ofSeconds(2), 20, true);
    }

    @BeforeAll
    static void analystAndAFleetWithDefenderOff() throws InterruptedException {
        server.createUser("analyst", PASSWORD);
        server.grant("analyst", "Contributor", "/workspaces/default");
        new FleetProvisioner(fleet(), HttpClient.newHttpClient()).provision();
        server.grant("analyst", "Contributor", "/subscriptions/" + SUBSCRIPTION);
        HttpResponse<String> off = server.sendJson("PUT", "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + "sim-rg"
                + "/providers/Microsoft.Devices/IotHubs/" + FleetProvisioner.hubName(0) + "/providers/Microsoft.Security/iotSecuritySolutions/default",
                server.apiKey(), Map.of("properties", Map.of("status", "Disabled")));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    }

    @Test
    void testAnAnalystConnectsDefenderForIotCreatesIncidentsAndQueriesTheAlerts() throws InterruptedException {
        browser.signIn("analyst", PASSWORD);
        browser.screenshot("01-home");
        browser.assertNoConsoleErrors();
        assertThat(browser.find("[data-testid=signed-in-user]").getAttribute("textContent")).isEqualTo("analyst");

        browser.clickText("Data connectors");
        browser.find("[data-connector=IoT]");
        browser.screenshot("02-data-connectors");
        browser.clickText("Microsoft Defender for IoT");
        browser.waitUntilText("#connector-pane h2", "Microsoft Defender for IoT");
        browser.screenshot("03-data-connectors-side-pane");
        browser.assertNoConsoleErrors();

        browser.clickText("Open connector page");
        browser.waitUntilText("h1", "Microsoft Defender for IoT");
        assertThat(browser.find("[data-testid=prerequisites]").getText()).contains("Defender for IoT turned on for at least one IoT hub");
        connectButton().click();
        WebElement refused = browser.findVisible("[data-testid=connect-error]");
        assertThat(refused.getText()).contains("no IoT hub of subscription '" + SUBSCRIPTION + "' has Defender for IoT turned on");
        browser.screenshot("04-connect-refused");
        browser.assertNoConsoleErrors();

        browser.clickText("Go to IoT");
        browser.clickText("Turn on Defender for IoT");
        browser.waitUntilText("[data-hub] .badge", "On");
        browser.screenshot("05-iot-defender-on");
        browser.clickText("Data connectors");
        browser.clickText("Microsoft Defender for IoT");
        browser.clickText("Open connector page");
        browser.waitUntilText("[data-subscription=" + SUBSCRIPTION + "]", "1 of 1");
        connectButton().click();
        browser.waitUntilText("[data-subscription=" + SUBSCRIPTION + "]", "Connected");
        browser.clickText("Enable");
        browser.waitUntilText("[data-testid=incident-creation-state]", "enabled");
        WebElement ruleLink = browser.find("[data-testid=incident-rule-link]");
        assertThat(ruleLink.getText()).isEqualTo("Create incidents based on Azure Defender for IOT alerts");
        browser.screenshot("06-connected-and-creating-incidents");
        browser.assertNoConsoleErrors();

        Simulation.run(fleet().withConnectedWorkspace("default"), new PrintWriter(new StringWriter()));
        server.server().awaitDetection();
        Eventually.await("the fleet's alerts in SecurityAlert", () -> server.count(SEED_QUERY + " | count"), n -> n > 0);

        browser.clickText("Analytics");
        WebElement rule = browser.find("#active-rules");
        assertThat(rule.getText()).contains("Create incidents based on Azure Defender for IOT alerts").contains("Enabled");
        browser.screenshot("07-analytics-active-rules");
        browser.assertNoConsoleErrors();

        browser.clickText("Logs");
        WebElement editor = browser.find(".monaco-editor textarea");
        editor.sendKeys(SEED_QUERY);
        browser.waitUntil(d -> SEED_QUERY.equals(browser.script("return document.getElementById('query-text').value")));
        editor.sendKeys(Keys.ESCAPE); // closes the completion list, whose Shift+Enter would insert a suggestion
        editor.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        browser.waitUntilText("[data-testid=result-summary]", " ms");
        WebElement results = browser.find("[data-testid=results]");
        assertThat(results.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        assertThat(results.getText()).contains("Azure Security Center for IoT");
        assertThat(browser.find("[data-testid=result-summary]").getText()).doesNotStartWith("0 ");
        browser.screenshot("08-logs-seed-query");
        browser.assertNoConsoleErrors();
    }

    private static WebElement connectButton() {
        return browser.find("[data-subscription=" + SUBSCRIPTION + "] button");
    }
}
