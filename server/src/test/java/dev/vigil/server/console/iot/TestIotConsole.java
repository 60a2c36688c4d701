package dev.vigil.server.console.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.console.ConsoleAccessibility;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The IoT pages in a browser, as an operator uses them: Defender for IoT on a hub, a device created
 * with its keys shown once and copied, that device connected over MQTT (Paho) with the key the page
 * showed and refused once disabled, a device security group refused at its fields, and an IoT alert's
 * status changed from the device's page and the alert list; screenshots in both themes.
 */
class TestIotConsole {
    private static final String PASSWORD = "iot-console-passphrase";
    private static final String SUBSCRIPTION = "fab-sub";
    private static final String API_HUB = "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/fab-hub";
    private static final String HUB = "/console/workspaces/default/iot/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-1/hubs/fab-hub";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @BeforeAll
    static void aHubAndItsOperator() {
        ok(server.sendJson("PUT", "/api/subscriptions/" + SUBSCRIPTION, server.apiKey(), Map.of("displayName", "Fab")));
        ok(server.sendJson("PUT", "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-1", server.apiKey(), Map.of()));
        ok(server.sendJson("PUT", API_HUB, server.apiKey(), Map.of()));
        server.createUser("operator", PASSWORD);
        server.grant("operator", "Reader", "/workspaces/default");
        server.grant("operator", "Contributor", "/subscriptions/" + SUBSCRIPTION);
        server.createUser("watcher", PASSWORD);
        server.grant("watcher", "Reader", "/workspaces/default");
        server.grant("watcher", "Reader", "/subscriptions/" + SUBSCRIPTION);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    @AfterEach
    void signOut() {
        browser.signOutIfSignedIn();
    }

    @Test
    void testACreatedDevicesKeyIsShownOnceConnectsOverMqttAndIsRefusedOnceDisabled() throws MqttException {
        browser.signIn("operator", PASSWORD);
        browser.open("/console/workspaces/default/iot");
        browser.clickText("fab-hub");
        browser.waitUntilText("h1", "fab-hub");
        if (browser.find("[data-testid=monitoring-state]").getText().equals("Off")) {
            browser.clickText("Turn on Defender for IoT");
            browser.waitUntilText("[data-testid=monitoring-state]", "On");
        }
        browser.screenshot("hub");
        browser.clickText("Devices");
        browser.find("#new-device-id").sendKeys(IotDevices.DEVICE);
        browser.clickText("Create device");

        String key = browser.findVisible("#key-primary").getText();
        assertThat(browser.find("#key-primary-connection").getText())
                .isEqualTo("HostName=fab-hub.azure-devices.net;DeviceId=" + IotDevices.DEVICE + ";SharedAccessKey=" + key);
        assertThat(ConsoleAccessibility.problems(browser)).isEmpty();
        browser.find("[data-copy=key-primary-connection]").click();
        browser.waitUntilText("[data-copy-status]", "Copied the primary connection string.");
        browser.screenshot("device-created-keys-shown-once");
        browser.assertNoConsoleErrors();

        browser.open(HUB + "/devices");
        assertThat(browser.findAll("[data-testid=device-keys]")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(key);

        MqttClient device = IotDevices.connect(server, "fab-hub", key, Instant.now().plusSeconds(600));
        browser.open(HUB + "/devices/" + IotDevices.DEVICE);
        assertThat(browser.find("[data-testid=device-connection]").getText()).isEqualTo("Connected (MQTT)");
        browser.clickText("Disable device");
        browser.waitUntilText("[data-testid=iot-message]", "is disabled");
        assertThat(browser.find("[data-testid=device-status]").getText()).isEqualTo("Disabled");
        browser.screenshot("device-disabled");

        Eventually.await("the disabled device's MQTT connection closed", device::isConnected, connected -> !connected);
        assertThatThrownBy(() -> IotDevices.connect(server, "fab-hub", key, Instant.now().plusSeconds(600)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThat(IotDevices.sendOverHttps(server, "fab-hub", key, IotDevices.message(List.of())).statusCode()).isEqualTo(403);

        browser.clickText("Enable device");
        browser.waitUntilText("[data-testid=device-status]", "Enabled");
        IotDevices.connect(server, "fab-hub", key, Instant.now().plusSeconds(600)).disconnect();
        browser.assertNoConsoleErrors();
    }

    @Test
    void testASecurityGroupIsRefusedAtItsFieldsThenSaved() {
        browser.signIn("operator", PASSWORD);
        browser.open(HUB);
        browser.find("#new-group-name").sendKeys("plc");
        browser.clickText("Add group");
        browser.waitUntilText("h1", "Device security group plc");
        String rule = "range-ActiveConnectionsNotInAllowedRange-";
        browser.find("#" + rule + "enabled").click();
        WebElement min = browser.find("#" + rule + "min");
        min.clear();
        min.sendKeys("5");
        browser.find("#" + rule + "max").sendKeys("2");
        browser.clickText("Save");

        browser.findVisible("[data-testid=group-error]");
        assertThat(browser.find("#" + rule + "max").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#" + rule + "max-error").getText()).contains("minThreshold <= maxThreshold");
        assertThat(ConsoleAccessibility.problems(browser)).isEmpty();
        browser.screenshot("security-group-refused-summary");
        browser.script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", rule + "max");
        browser.screenshot("security-group-refused-at-field");

        WebElement max = browser.find("#" + rule + "max");
        max.clear();
        max.sendKeys("20");
        browser.clickText("Save");
        browser.findVisible("[data-testid=group-saved]");
        assertThat(RunningServer.json(server.get(API_HUB + "/providers/Microsoft.Security/deviceSecurityGroups/plc"))
                .path("properties").path("timeWindowRules").get(0).path("maxThreshold").asLong()).isEqualTo(20);
        browser.assertNoConsoleErrors();
        browser.signOut();

        browser.signIn("watcher", PASSWORD);
        browser.open(HUB + "/securityGroups/plc");
        assertThat(browser.find("#group-reason").getText()).isEqualTo("Needs Contributor on subscription 'fab-sub'; you have Reader.");
        assertThat(browser.find("#" + rule + "max").isEnabled()).isFalse();
        browser.screenshot("reader-security-group");
        browser.open(HUB + "/devices");
        assertThat(browser.find("#new-device-id").isEnabled()).isFalse();
        browser.screenshot("reader-devices");
    }

    @Test
    void testAnAlertsStatusChangesOnTheDevicePageAndInTheAlertList() {
        ok(server.sendJson("PUT", API_HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default", server.apiKey(),
                Map.of("properties", Map.of("status", "Enabled"))));
        String key = IotDevices.addDevice(server, SUBSCRIPTION, "fab-hub", "gate-1");
        HttpResponse<String> sent = IotDevices.sendOverHttps(server, "fab-hub", "gate-1", key, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        Eventually.await("the brute force alert", () -> RunningServer.json(server.get("/api/subscriptions/" + SUBSCRIPTION
                + "/providers/Microsoft.Security/iotAlerts?deviceId=gate-1")).path("value").size(), n -> n > 0);

        browser.signIn("operator", PASSWORD);
        browser.open(HUB + "/devices/gate-1");
        assertThat(browser.find("[data-testid=alert-status]").getText()).isEqualTo("New");
        browser.clickText("Start");
        browser.waitUntilText("[data-testid=alert-status]", "InProgress");
        browser.clickText("Resolve");
        browser.waitUntilText("[data-testid=alert-status]", "Resolved");
        browser.screenshot("device-alert-resolved");

        browser.open("/console/workspaces/default/iot/alerts?subscription=" + SUBSCRIPTION + "&status=Resolved");
        assertThat(browser.findAll("[data-alert]")).hasSize(1);
        browser.clickText("Reopen");
        browser.waitUntilText("[data-testid=iot-message]", "is New");
        assertThat(RunningServer.json(server.get("/api/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Security/iotAlerts?deviceId=gate-1"))
                .path("value").get(0).path("status").asText()).isEqualTo("New");

        List<String> pages = List.of(HUB, HUB + "/devices", HUB + "/devices/gate-1", HUB + "/securityGroups/default",
                "/console/workspaces/default/iot/alerts?subscription=" + SUBSCRIPTION);
        for (String theme : List.of("light", "dark")) {
            if (!theme.equals(browser.script("return document.documentElement.getAttribute('data-theme')"))) {
                browser.find("[data-theme-toggle]").click();
            }
            for (String page : pages) {
                browser.open(page);
                String name = page.contains("/alerts") ? "alerts" : page.substring(page.indexOf("/hubs/") + 6).replaceAll("[/?=&]", "-");
                browser.screenshot(theme + "-" + name);
                assertThat(ConsoleAccessibility.problems(browser)).as(theme + " " + page).isEmpty();
                browser.assertNoConsoleErrors();
            }
        }
        browser.find("[data-theme-toggle]").click();
    }
}
