package dev.vigil.server.console.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IoT page's Defender for IoT buttons over HTTP, as the page's htmx sends them. */
class TestIotPages {
    private static final String PASSWORD = "iot-page-passphrase";
    private static final String HUB = "/api/subscriptions/line-sub/resourceGroups/line-rg/providers/Microsoft.Devices/IotHubs/line-hub";
    private static final String DEFENDER = "/console/workspaces/default/iot/subscriptions/line-sub/resourceGroups/line-rg/hubs/line-hub/defender/";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @BeforeAll
    static void aHubWithDefenderOff() {
        server.sendJson("PUT", "/api/subscriptions/line-sub", server.apiKey(), Map.of("displayName", "Line"));
        server.sendJson("PUT", "/api/subscriptions/line-sub/resourceGroups/line-rg", server.apiKey(), Map.of());
        server.sendJson("PUT", HUB, server.apiKey(), Map.of());
        server.createUser("operator", PASSWORD);
        server.grant("operator", "Reader", "/workspaces/default");
        server.grant("operator", "Contributor", "/subscriptions/line-sub");
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
    }

    private static String status() {
        return RunningServer.json(server.get(HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default")).path("properties").path("status").asText();
    }
}
