package dev.vigil.iot.detection;

import static dev.vigil.iot.detection.SecurityMessages.T0;
import static dev.vigil.iot.detection.SecurityMessages.login;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.alert.AlertChangeKind;
import dev.vigil.iot.alert.AlertVersion;
import dev.vigil.iot.alert.AlertWriter;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.testing.MutableClock;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine raising into real IoT alerts on DuckDB: repeats merge, and the feed carries them. */
class TestDetectionToAlerts {
    @TempDir
    Path data;

    @Test
    void testRepeatedFailedLocalLoginsBecomeOneAlertWithACount() throws Exception {
        MutableClock clock = new MutableClock(T0);
        TestDetectionSettings settings = new TestDetectionSettings().monitor(EngineHarness.HUB);
        DeviceIdentity device = EngineHarness.device("IoT-Device-Linux");
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            IotAlerts alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
            try (AlertWriter writer = new AlertWriter(alerts);
                    DetectionEngine engine = new DetectionEngine(settings, writer, clock,
                    DetectionOptions.defaults().withLanes(2).withClockInterval(Duration.ZERO))) {
                List<SecurityEvent> failures = new ArrayList<>();
                for (int minute = 0; minute < 3; minute++) {
                    failures.add(login(T0.plus(Duration.ofMinutes(minute * 20L)), "Fail", "root", "", "/bin/login"));
                }
                for (SecurityEvent event : failures) {
                    engine.securityMessage(device, SecurityMessages.message(event), Protocol.MQTT, event.timestampUtc());
                }
                engine.flush().get(10, TimeUnit.SECONDS);
            }
            List<AlertVersion> versions = alerts.feed().read(0, 10);
            assertThat(versions).extracting(AlertVersion::changeKind)
                    .containsExactly(AlertChangeKind.CREATED, AlertChangeKind.REPEATED, AlertChangeKind.REPEATED);
            IotAlert alert = versions.get(2).alert();
            assertThat(alerts.list()).containsExactly(alert);
            assertThat(alert.alertType()).isEqualTo("IoT_LocalLoginFailed");
            assertThat(alert.displayName()).isEqualTo("Failed local login");
            assertThat(alert.severity().sentinelName()).isEqualTo("Medium");
            assertThat(alert.count()).isEqualTo(3);
            assertThat(alert.startTime()).isEqualTo(T0);
            assertThat(alert.endTime()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
            assertThat(alert.hubResourceId()).isEqualTo(EngineHarness.HUB);
            assertThat(alert.extendedProperties()).containsEntry("DeviceId", "IoT-Device-Linux").containsEntry("Login Shell", "/bin/login");
            assertThat(alert.entitiesJson()).startsWith("[{\"$id\":\"1\",\"Type\":\"iotdevice\",\"DeviceId\":\"IoT-Device-Linux\"");
        }
    }
}
