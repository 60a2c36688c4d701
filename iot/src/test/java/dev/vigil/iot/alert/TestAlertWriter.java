package dev.vigil.iot.alert;

import static dev.vigil.iot.alert.TestIotAlerts.LOGIN_FAILED;
import static dev.vigil.iot.alert.TestIotAlerts.REVERSE_SHELL;
import static dev.vigil.iot.alert.TestIotAlerts.T0;
import static dev.vigil.iot.alert.TestIotAlerts.occurrence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Occurrences handed to the writer become alerts in order, durable once a flush completes. */
class TestAlertWriter {
    @TempDir
    Path data;
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-06T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void testOccurrencesAreStoredInOrderByTheTimeAFlushCompletes() throws Exception {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            IotAlerts alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
            try (AlertWriter writer = new AlertWriter(alerts)) {
                for (int index = 0; index < 500; index++) {
                    writer.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(index), "shell-" + index));
                }
                writer.raise(occurrence(LOGIN_FAILED, "gateway-02", T0, "login-1"));
                writer.flush().get(30, TimeUnit.SECONDS);
                assertThat(alerts.feed().lastSequence()).isEqualTo(501);
                assertThat(alerts.feed().read(0, 1).get(0).changeKind()).isEqualTo(AlertChangeKind.CREATED);
                assertThat(alerts.feed().read(499, 1).get(0).alert().count()).isEqualTo(500L);
                assertThat(alerts.feed().read(500, 1).get(0).alert().alertType()).isEqualTo("IoT_LocalLoginFailed");
            }
        }
        try (Storage reopened = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            IotAlerts alerts = IotAlerts.open(reopened.stateStore(), clock, Duration.ofHours(1));
            assertThat(alerts.list()).extracting(IotAlert::count).containsExactlyInAnyOrder(500L, 1L);
            // The open alert is found again after the restart: a repeat merges into it.
            assertThat(alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(600), "shell-600")).count()).isEqualTo(501L);
        }
    }

    @Test
    void testAClosedWriterRefusesMore() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            AlertWriter writer = new AlertWriter(IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1)));
            writer.close();
            assertThatThrownBy(() -> writer.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "late")))
                    .isInstanceOf(IllegalStateException.class).hasMessage("the alert writer is closed");
        }
    }
}
