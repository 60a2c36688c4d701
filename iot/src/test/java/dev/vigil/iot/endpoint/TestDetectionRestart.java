package dev.vigil.iot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.alert.AlertWriter;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.auth.DeviceAuthenticator;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.iot.dedup.DedupSettings;
import dev.vigil.iot.dedup.RecentEventIds;
import dev.vigil.iot.detection.DetectionEngine;
import dev.vigil.iot.detection.DetectionOptions;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.RegistryDetectionSettings;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.iot.testing.MutableClock;
import dev.vigil.iot.testing.SecurityMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection's streaming state across a restart, on the real stores: the first half of a scenario
 * goes through one engine, the engine stops, a new one restores from what was stored, and the
 * second half goes through it.
 */
class TestDetectionRestart {
    private static final String ATTACKER = "203.0.113.45";

    @TempDir
    Path data;
    private IotBed bed;
    private IotHub hub;
    private Device device;
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private IotAlerts alerts;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", true);
        device = bed.device(hub, "sensor-1");
        alerts = IotAlerts.open(bed.storage.stateStore(), clock, Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void testBruteForceWhoseFirstHalfCameBeforeTheRestartStillFires() throws Exception {
        try (Detection before = new Detection(true)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                before.send(login("Fail", clock.instant().plusSeconds(attempt)));
            }
            before.settle();
        }
        assertThat(alertTypes()).isEmpty();

        try (Detection after = new Detection(true)) {
            for (int attempt = 3; attempt < 5; attempt++) {
                after.send(login("Fail", clock.instant().plusSeconds(attempt)));
            }
            after.send(login("Success", clock.instant().plusSeconds(6)));
            after.settle();
        }

        assertThat(alertTypes()).containsExactlyInAnyOrder("IoT_BruteForceFailed", "IoT_BruteForceSucceeded");
        IotAlert succeeded = alerts.list().stream().filter(alert -> alert.alertType().equals("IoT_BruteForceSucceeded")).findFirst().orElseThrow();
        assertThat(succeeded.extendedProperties().get("Full Source Address")).contains(ATTACKER);
    }

    @Test
    void testWithoutRestoringTheSecondHalfAloneRaisesNothing() throws Exception {
        try (Detection before = new Detection(true)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                before.send(login("Fail", clock.instant().plusSeconds(attempt)));
            }
            before.settle();
        }
        try (Detection forgetful = new Detection(false)) {
            for (int attempt = 3; attempt < 5; attempt++) {
                forgetful.send(login("Fail", clock.instant().plusSeconds(attempt)));
            }
            forgetful.send(login("Success", clock.instant().plusSeconds(6)));
            forgetful.settle();
        }

        assertThat(alertTypes()).isEmpty();
    }

    @Test
    void testDeviceSilentRemembersTheLastMessageAcrossARestart() throws Exception {
        try (Detection before = new Detection(true)) {
            before.send(SecurityMessages.processCreate("/usr/bin/uptime", 4242));
            before.settle();
            before.engine.checkClock().get(10, TimeUnit.SECONDS);
        }
        clock.advance(Duration.ofHours(73));

        try (Detection after = new Detection(true)) {
            after.engine.checkClock().get(10, TimeUnit.SECONDS);
            after.settle();
        }

        assertThat(alertTypes()).containsExactly("IoT_DeviceSilent");
        assertThat(alerts.list().get(0).deviceId()).isEqualTo("sensor-1");
    }

    @Test
    void testCopiesOfAFailedLoginResentRightAfterARestartAreDuplicatesAndRaiseNothing() throws Exception {
        String failedLogin = login("Fail", clock.instant());
        try (Detection before = new Detection(true)) {
            before.send(failedLogin);
            before.settle();
        }
        clock.advance(Duration.ofMinutes(2));

        try (Detection after = new Detection(true)) {
            for (int copy = 0; copy < 4; copy++) {
                assertThat(after.receive(failedLogin)).isEqualTo(new MessageOutcome.Duplicate(1));
            }
            after.settle();
        }

        assertThat(bed.count("SecurityIoTRawEvent | count")).isEqualTo(1);
        assertThat(alertTypes()).isEmpty();
    }

    @Test
    void testWithoutTheStoredIdsTheFirstCopyAfterARestartWouldBeStoredAgain() throws Exception {
        String failedLogin = login("Fail", clock.instant());
        try (Detection before = new Detection(true)) {
            before.send(failedLogin);
            before.settle();
        }

        try (Detection after = new Detection(true, false)) {
            assertThat(after.receive(failedLogin)).isEqualTo(new MessageOutcome.Accepted(1));
            assertThat(after.receive(failedLogin)).isEqualTo(new MessageOutcome.Duplicate(1));
        }

        assertThat(bed.count("SecurityIoTRawEvent | count")).isEqualTo(2);
    }

    private List<String> alertTypes() {
        return alerts.list().stream().map(IotAlert::alertType).toList();
    }

    private String login(String result, Instant at) {
        String payload = "[{\"ProcessId\":1207,\"UserName\":\"admin\",\"Operation\":\"Login\",\"Executable\":\"/usr/sbin/sshd\","
                + "\"RemoteAddress\":\"" + ATTACKER + "\",\"RemotePort\":\"51234\",\"LocalPort\":\"22\",\"Result\":\"" + result + "\"}]";
        return SecurityMessages.message("{\"EventType\":\"Security\",\"Category\":\"Triggered\",\"Name\":\"Login\",\"IsEmpty\":false,"
                + "\"PayloadSchemaVersion\":\"1.0\",\"Id\":\"" + UUID.randomUUID() + "\",\"TimestampLocal\":\"" + at + "\","
                + "\"TimestampUTC\":\"" + at + "\",\"Payload\":" + payload + "}");
    }

    /** One run of the server's detection: an engine (restored, or not) behind a gateway that stores raw events. */
    private final class Detection implements AutoCloseable {
        final AlertWriter writer = new AlertWriter(alerts);
        final DetectionEngine engine = new DetectionEngine(new RegistryDetectionSettings(bed.registry), writer, clock,
                DetectionOptions.defaults().withLanes(2).withClockInterval(Duration.ZERO));
        final DeviceGateway gateway;
        final AuthenticatedDevice sender;

        Detection(boolean restore) {
            this(restore, restore);
        }

        /** @param restoreEventIds whether the gateway gets back the event ids of the deduplication window */
        Detection(boolean restore, boolean restoreEventIds) {
            if (restore) {
                engine.restore(new StoredDetectionHistory(bed.storage.logStore(), bed.storage.stateStore(), bed.registry));
            }
            RecentEventIds recentEventIds = new RecentEventIds(DedupSettings.defaults(), clock);
            if (restoreEventIds) {
                new StoredEventIds(bed.storage.logStore(), bed.registry, clock).restoreInto(recentEventIds);
            }
            DeviceAuthenticator authenticator = new DeviceAuthenticator(bed.registry, IotBed.DOMAIN, engine, clock);
            gateway = new DeviceGateway(bed.registry, authenticator, bed.storage.logStore(), engine, recentEventIds, bed.router, clock);
            String token = SasTokenGenerator.deviceToken(hub.hostName(IotBed.DOMAIN), device.deviceId(), device.primaryKey(),
                    clock.instant().plus(Duration.ofHours(1)));
            sender = authenticator.authenticate(hub.hostName(IotBed.DOMAIN), device.deviceId(), token, "10.0.0.1:5000");
        }

        void send(String body) throws Exception {
            assertThat(receive(body)).isInstanceOf(MessageOutcome.Accepted.class);
        }

        MessageOutcome receive(String body) throws Exception {
            DeviceMessage message = new DeviceMessage(sender, body.getBytes(StandardCharsets.UTF_8),
                    Optional.of(DeviceMessage.SECURITY_INTERFACE_ID), Map.of(), Protocol.MQTT, "10.0.0.1:5000");
            return gateway.receive(message).get(10, TimeUnit.SECONDS);
        }

        void settle() throws Exception {
            engine.flush().get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            engine.close();
            writer.close();
        }
    }
}
