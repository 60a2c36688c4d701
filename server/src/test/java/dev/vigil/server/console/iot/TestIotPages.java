package dev.vigil.server.console.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IoT pages over HTTP, as their htmx sends the changes: Defender for IoT on a hub, devices
 * created with their keys shown once, disabled, regenerated and deleted, device security groups with
 * refusals at their fields, and the refusals of a change without the CSRF token or the role.
 */
class TestIotPages {
    private static final String PASSWORD = "iot-page-passphrase";
    private static final String API_HUB = "/api/subscriptions/line-sub/resourceGroups/line-rg/providers/Microsoft.Devices/IotHubs/line-hub";
    private static final String HUB = "/console/workspaces/default/iot/subscriptions/line-sub/resourceGroups/line-rg/hubs/line-hub";
    private static final String DEFENDER = "/console/workspaces/default/iot/subscriptions/line-sub/resourceGroups/line-rg/hubs/line-hub/defender/";
    private static final Pattern PRIMARY_KEY = Pattern.compile("id=\"key-primary\" class=\"secret\">([^<]+)<");

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @BeforeAll
    static void aHubWithDefenderOff() {
        server.sendJson("PUT", "/api/subscriptions/line-sub", server.apiKey(), Map.of("displayName", "Line"));
        server.sendJson("PUT", "/api/subscriptions/line-sub/resourceGroups/line-rg", server.apiKey(), Map.of());
        server.sendJson("PUT", API_HUB, server.apiKey(), Map.of());
        server.createUser("operator", PASSWORD);
        server.grant("operator", "Reader", "/workspaces/default");
        server.grant("operator", "Contributor", "/subscriptions/line-sub");
        server.createUser("watcher", PASSWORD);
        server.grant("watcher", "Reader", "/workspaces/default");
        server.grant("watcher", "Reader", "/subscriptions/line-sub");
    }

    @Test
    void testTurningOnTwiceLeavesDefenderOn() {
        ConsoleSession operator = ConsoleSession.signIn(server, "operator", PASSWORD);

        HttpResponse<String> first = operator.postForm(DEFENDER + "on", Map.of());
        HttpResponse<String> second = operator.postForm(DEFENDER + "on", Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Defender for IoT is on for hub").contains("Turn off Defender for IoT");
        assertThat(status()).isEqualTo("Enabled");

        operator.postForm(DEFENDER + "off", Map.of());
        operator.postForm(DEFENDER + "off", Map.of());
        assertThat(status()).isEqualTo("Disabled");

        operator.postForm(HUB + "/monitoring/on", Map.of());
        assertThat(status()).isEqualTo("Enabled");
        operator.postForm(HUB + "/monitoring/off", Map.of());
        assertThat(status()).isEqualTo("Disabled");
    }

    @Test
    void testACreatedDevicesKeysAreShownOnceAndAuthenticateIt() {
        ConsoleSession operator = ConsoleSession.signIn(server, "operator", PASSWORD);

        HttpResponse<String> created = operator.postForm(HUB + "/devices", Map.of("deviceId", "press-1"));

        assertThat(created.statusCode()).isEqualTo(200);
        String key = primaryKey(created.body());
        assertThat(created.body()).contains("HostName=line-hub.azure-devices.net;DeviceId=press-1;SharedAccessKey=" + key);
        JsonNode keys = RunningServer.json(server.post(API_HUB + "/devices/press-1/listKeys", "application/json", ""));
        assertThat(keys.path("primaryKey").asText()).isEqualTo(key);
        assertThat(operator.get(HUB + "/devices").body()).contains("press-1").doesNotContain(key);
        assertThat(operator.get(HUB + "/devices/press-1").body()).doesNotContain(key);
        assertThat(IotDevices.sendOverHttps(server, "line-hub", "press-1", key, IotDevices.message(List.of())).statusCode()).isEqualTo(204);
    }

    @Test
    void testADeviceIdTakenOrMalformedIsRefusedAtItsField() {
        ConsoleSession operator = ConsoleSession.signIn(server, "operator", PASSWORD);
        operator.postForm(HUB + "/devices", Map.of("deviceId", "taken-1"));

        HttpResponse<String> taken = operator.postForm(HUB + "/devices", Map.of("deviceId", "taken-1"));
        HttpResponse<String> malformed = operator.postForm(HUB + "/devices", Map.of("deviceId", "bad id<b>"));

        assertThat(taken.body()).contains("id=\"new-device-error\"").contains("Hub 'line-hub' already has a device 'taken-1'")
                .contains("aria-invalid=\"true\"").doesNotContain("data-testid=\"device-keys\"");
        assertThat(malformed.body()).contains("id=\"new-device-error\"").contains("The id 'bad id&lt;b&gt;' cannot be used")
                .contains("value=\"bad id&lt;b").doesNotContain("value=\"bad id<b");
        assertThat(server.get(API_HUB + "/devices/bad%20id%3Cb%3E").statusCode()).isEqualTo(404);
    }

    @Test
    void testDisablingADeviceRefusesItAndRegeneratingAKeyRetiresTheOldOne() {
        ConsoleSession operator = ConsoleSession.signIn(server, "operator", PASSWORD);
        String key = primaryKey(operator.postForm(HUB + "/devices", Map.of("deviceId", "valve-1")).body());

        HttpResponse<String> disabled = operator.postForm(HUB + "/devices/valve-1/disable", Map.of());
        assertThat(disabled.body()).contains("Device 'valve-1' is disabled");
        HttpResponse<String> refused = IotDevices.sendOverHttps(server, "line-hub", "valve-1", key, IotDevices.message(List.of()));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("DeviceDisabled");

        operator.postForm(HUB + "/devices/valve-1/enable", Map.of());
        HttpResponse<String> regenerated = operator.postForm(HUB + "/devices/valve-1/regenerate/primary", Map.of());
        String newKey = primaryKey(regenerated.body());
        assertThat(newKey).isNotEqualTo(key);
        assertThat(IotDevices.sendOverHttps(server, "line-hub", "valve-1", key, IotDevices.message(List.of())).statusCode()).isEqualTo(401);
        assertThat(IotDevices.sendOverHttps(server, "line-hub", "valve-1", newKey, IotDevices.message(List.of())).statusCode()).isEqualTo(204);

        operator.postForm(HUB + "/devices/valve-1/delete", Map.of());
        assertThat(server.get(API_HUB + "/devices/valve-1").statusCode()).isEqualTo(404);
    }

    @Test
    void testRegeneratingAKeyClosesTheMqttSessionOpenedWithTheOldOne() throws MqttException {
        ConsoleSession operator = ConsoleSession.signIn(server, "operator", PASSWORD);
        String key = primaryKey(operator.postForm(HUB + "/devices", Map.of("deviceId", IotDevices.DEVICE)).body());
        MqttClient device = IotDevices.connect(server, "line-hub", key, Instant.now().plusSeconds(600));

        HttpResponse<String> regenerated = operator.postForm(HUB + "/devices/" + IotDevices.DEVICE + "/regenerate/primary", Map.of());

        assertThat(regenerated.body()).contains("The primary key of '" + IotDevices.DEVICE + "' is regenerated");
        Eventually.await("the session signed with the old key closed", device::isConnected, connected -> !connected);
        assertThatThrownBy(() -> IotDevices.connect(server, "line-hub", key, Instant.now().plusSeconds(600))).isInstanceOf(MqttException.class);
        IotDevices.connect(server, "line-hub", primaryKey(regenerated.body()), Instant.now().plusSeconds(600)).disconnect();
    }

    @Test
    void testSecurityGroupValuesAreRefusedAtTheirFieldsAndSavedWhenRight() {
        ConsoleSession operator = ConsoleSession.signIn(server, "operator", PASSWORD);
        String group = HUB + "/securityGroups/plc";
        Map<String, String> form = new HashMap<>();
        form.put("range.ActiveConnectionsNotInAllowedRange.enabled", "true");
        form.put("range.ActiveConnectionsNotInAllowedRange.min", "5");
        form.put("range.ActiveConnectionsNotInAllowedRange.max", "2");
        form.put("range.ActiveConnectionsNotInAllowedRange.window", "PT5M");
        form.put("range.FailedLocalLoginsNotInAllowedRange.enabled", "true");
        form.put("range.FailedLocalLoginsNotInAllowedRange.min", "0");
        form.put("range.FailedLocalLoginsNotInAllowedRange.max", "3");
        form.put("range.FailedLocalLoginsNotInAllowedRange.window", "five minutes");
        form.put("allow.ConnectionToIpNotAllowed.enabled", "true");
        form.put("allow.ConnectionToIpNotAllowed.values", "10.0.0.0/8\n300.1.1.1");

        HttpResponse<String> refused = operator.postForm(group, form);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The group is not saved: 3 values need correcting")
                .containsPattern("id=\"range-ActiveConnectionsNotInAllowedRange-max-error\">[^<]*minThreshold &lt;= maxThreshold")
                .containsPattern("id=\"range-FailedLocalLoginsNotInAllowedRange-window-error\">[^<]*ISO 8601 duration")
                .containsPattern("id=\"allow-ConnectionToIpNotAllowed-error\">[^<]*300.1.1.1")
                .contains("value=\"five minutes\"");
        assertThat(server.get(API_HUB + "/providers/Microsoft.Security/deviceSecurityGroups/plc").statusCode()).isEqualTo(404);

        form.put("range.ActiveConnectionsNotInAllowedRange.max", "20");
        form.put("range.FailedLocalLoginsNotInAllowedRange.window", "PT10M");
        form.put("allow.ConnectionToIpNotAllowed.values", "10.0.0.0/8\n192.168.1.7");
        HttpResponse<String> saved = operator.postForm(group, form);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        assertThat(saved.headers().firstValue("HX-Redirect")).contains(group + "?saved");
        JsonNode stored = RunningServer.json(server.get(API_HUB + "/providers/Microsoft.Security/deviceSecurityGroups/plc")).path("properties");
        assertThat(stored.path("timeWindowRules").findValuesAsText("ruleType"))
                .containsExactly("ActiveConnectionsNotInAllowedRange", "FailedLocalLoginsNotInAllowedRange");
        assertThat(stored.path("timeWindowRules").get(0).path("maxThreshold").asLong()).isEqualTo(20);
        assertThat(stored.path("allowlistRules").get(0).path("allowlistValues").toString()).isEqualTo("[\"10.0.0.0/8\",\"192.168.1.7\"]");
        assertThat(operator.get(group + "?saved").body()).contains("The group is saved").contains("value=\"PT10M\"");
    }

    @Test
    void testAReaderSeesDisabledControlsWithTheReasonAndIsRefusedEveryChange() {
        server.sendJson("PUT", API_HUB + "/devices/watched-1", server.apiKey(), Map.of());
        ConsoleSession watcher = ConsoleSession.signIn(server, "watcher", PASSWORD);

        String devices = watcher.get(HUB + "/devices").body();
        assertThat(devices).contains("Needs Contributor on subscription 'line-sub'; you have Reader.")
                .containsPattern("<button type=\"submit\" class=\"button button-primary\" disabled>Create device</button>");
        assertThat(watcher.get(HUB).body()).containsPattern("disabled aria-describedby=\"hub-reason\">Turn on Defender for IoT");

        for (String change : List.of(HUB + "/devices", HUB + "/devices/watched-1/disable", HUB + "/devices/watched-1/regenerate/primary",
                HUB + "/devices/watched-1/delete", HUB + "/monitoring/on", HUB + "/securityGroups/plc2")) {
            HttpResponse<String> refused = watcher.postForm(change, Map.of("deviceId", "sneaked-1"));
            assertThat(refused.statusCode()).as(change).isEqualTo(403);
            assertThat(refused.body()).as(change).contains("Contributor");
        }
        assertThat(server.get(API_HUB + "/devices/sneaked-1").statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(server.get(API_HUB + "/devices/watched-1")).path("status").asText()).isEqualTo("enabled");
        assertThat(status()).isEqualTo("Disabled");
    }

    @Test
    void testAChangeWithoutTheCsrfTokenIsRefused() {
        ConsoleSession operator = ConsoleSession.signIn(server, "operator", PASSWORD);

        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(server.uri(HUB + "/devices")).header("Cookie", operator.cookie())
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("deviceId=forged-1")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(server.get(API_HUB + "/devices/forged-1").statusCode()).isEqualTo(404);
    }

    @Test
    void testAUserWithoutARoleOnTheSubscriptionFindsNoHub() {
        server.createUser("stranger", PASSWORD);
        server.grant("stranger", "Contributor", "/workspaces/default");
        ConsoleSession stranger = ConsoleSession.signIn(server, "stranger", PASSWORD);

        assertThat(stranger.get(HUB).statusCode()).isEqualTo(404);
        assertThat(stranger.get(HUB + "/devices").statusCode()).isEqualTo(404);
        assertThat(stranger.postForm(HUB + "/devices", Map.of("deviceId", "stranger-1")).statusCode()).isEqualTo(404);
        assertThat(server.get(API_HUB + "/devices/stranger-1").statusCode()).isEqualTo(404);
    }

    private static String primaryKey(String page) {
        Matcher key = PRIMARY_KEY.matcher(page);
        assertThat(key.find()).as("the page shows the primary key: " + page).isTrue();
        return key.group(1);
    }

    private static String status() {
        return RunningServer.json(server.get(API_HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default")).path("properties").path("status").asText();
    }
}
