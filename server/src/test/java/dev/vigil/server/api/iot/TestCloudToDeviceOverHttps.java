package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cloud-to-device messages received and settled over the HTTPS device endpoint, from the queue MQTT uses. */
class TestCloudToDeviceOverHttps {
    private static final String SUB = "c2d-sub";
    private static final String HUB_NAME = "c2d-hub";
    private static final String DEVICE = "/api/subscriptions/" + SUB + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + HUB_NAME
            + "/devices/" + IotDevices.DEVICE;
    private static final String BOUND = "/devices/" + IotDevices.DEVICE + "/messages/deviceBound";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testReceiveLocksTheMessageAndCompleteEndsIt() {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        sendToDevice("reboot at 02:00", Map.of("command", "reboot"));

        HttpResponse<String> received = device(key, "GET", BOUND);
        HttpResponse<String> whileLocked = device(key, "GET", BOUND);
        String etag = received.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> completed = device(key, "DELETE", BOUND + "/" + etag.replace("\"", "") + "?api-version=2020-03-13");
        HttpResponse<String> completedAgain = device(key, "DELETE", BOUND + "/" + etag.replace("\"", ""));

        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).isEqualTo("reboot at 02:00");
        assertThat(received.headers().firstValue("iothub-app-command")).contains("reboot");
        assertThat(received.headers().firstValue("iothub-deliverycount")).contains("1");
        assertThat(received.headers().firstValue("iothub-messageid")).isPresent();
        assertThat(whileLocked.statusCode()).as("a locked message is handed to nobody else").isEqualTo(204);
        assertThat(completed.statusCode()).isEqualTo(204);
        assertThat(completedAgain.statusCode()).isEqualTo(412);
        assertThat(RunningServer.json(completedAgain).path("error").path("code").asText()).isEqualTo("DeviceMessageLockLost");
        assertThat(device(key, "GET", BOUND).statusCode()).isEqualTo(204);
    }

    @Test
    void testAbandonGivesTheMessageBackAndRejectDropsIt() {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        sendToDevice("first", Map.of());

        String etag = device(key, "GET", BOUND).headers().firstValue("ETag").orElseThrow().replace("\"", "");
        HttpResponse<String> abandoned = device(key, "POST", "/devices/" + IotDevices.DEVICE + "/messages/devicebound/" + etag + "/abandon");
        HttpResponse<String> again = device(key, "GET", BOUND);
        HttpResponse<String> rejected = device(key, "DELETE", BOUND + "/" + again.headers().firstValue("ETag").orElseThrow().replace("\"", "") + "?reject");

        assertThat(abandoned.statusCode()).isEqualTo(204);
        assertThat(again.body()).isEqualTo("first");
        assertThat(again.headers().firstValue("iothub-deliverycount")).contains("2");
        assertThat(rejected.statusCode()).isEqualTo(204);
        assertThat(device(key, "GET", BOUND).statusCode()).isEqualTo(204);
    }

    @Test
    void testAnotherDevicesTokenIsRefused() {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        String otherKey = IotDevices.addDevice(server, SUB, HUB_NAME, "sensor-2");
        sendToDevice("only for sensor-1", Map.of());

        String token = SasTokenGenerator.deviceToken(HUB_NAME + "." + IotDevices.DOMAIN, "sensor-2", otherKey, Instant.now().plusSeconds(600));
        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(server.uri(BOUND)).header("Authorization", token).GET());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(device(key, "GET", BOUND).statusCode()).isEqualTo(200);
    }

    private void sendToDevice(String body, Map<String, String> properties) {
        HttpResponse<String> accepted = server.postJson(DEVICE + "/messages/devicebound", Map.of("body", body, "properties", properties));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    private HttpResponse<String> device(String key, String method, String path) {
        String token = SasTokenGenerator.deviceToken(HUB_NAME + "." + IotDevices.DOMAIN, IotDevices.DEVICE, key, Instant.now().plusSeconds(600));
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", token)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
