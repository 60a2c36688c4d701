package dev.vigil.iot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.iot.testing.SecurityMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection history read back from {@code SecurityIoTRawEvent} with the KQL it builds, on the real store. */
class TestStoredDetectionHistory {
    @TempDir
    Path data;
    private IotBed bed;
    private IotHub hub;
    private Device device;
    private StoredDetectionHistory history;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", true);
        // IoT Hub allows apostrophes in device ids, and so does Vigil
        device = bed.device(hub, "o'neill's-sensor");
        history = new StoredDetectionHistory(bed.storage.logStore(), bed.storage.stateStore(), bed.registry);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void testEventNamesWithQuotesBackslashesAndLineBreaksAreReplayedForADeviceWhoseIdHasAQuote() throws Exception {
        Instant since = Instant.now().minusSeconds(60);
        send(SecurityMessages.processCreate("/usr/bin/uptime", 4242));
        String odd = "Odd \"name\" it's \\ back\nslash";
        DeviceIdentity identity = bed.registry.identity(hub, device);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SecurityEvent event = new SecurityEvent(UUID.randomUUID().toString(), at.toString(), at, "Triggered", odd, "Security", false, "1.0",
                List.of(Map.of("Detail", "kept")));
        bed.storage.logStore().ingest("default", RawEventRows.TABLE, RawEventRows.of(identity, new SecurityMessage("2.1", "", "1.0", List.of(event)), at))
                .get(10, TimeUnit.SECONDS);

        List<String> replayed = new ArrayList<>();
        history.replay(List.of(odd, "ProcessCreate", "Login"), since,
                (from, message) -> message.events().forEach(e -> replayed.add(from.deviceId() + " / " + e.name())));

        assertThat(replayed).containsExactlyInAnyOrder("o'neill's-sensor / ProcessCreate", "o'neill's-sensor / " + odd);

        List<String> newest = new ArrayList<>();
        history.replayNewest(List.of(odd), since, (from, message) -> message.events().forEach(e -> newest.add(e.name() + " " + e.payload())));
        assertThat(newest).containsExactly(odd + " [{Detail=kept}]");
    }

    private void send(String body) throws Exception {
        AuthenticatedDevice sender = bed.authenticator.authenticate(hub.hostName(IotBed.DOMAIN), device.deviceId(), IotBed.token(hub, device),
                "10.0.0.1:5000");
        DeviceMessage message = new DeviceMessage(sender, body.getBytes(StandardCharsets.UTF_8), Optional.of(DeviceMessage.SECURITY_INTERFACE_ID),
                Map.of(), Protocol.MQTT, "10.0.0.1:5000");
        assertThat(bed.gateway.receive(message).get(10, TimeUnit.SECONDS)).isInstanceOf(MessageOutcome.Accepted.class);
    }
}
