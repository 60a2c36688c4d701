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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert feed on the real DuckDB store: order, cursors, and survival across a restart. */
class TestAlertFeed {
    @TempDir
    Path data;
    private final Clock clock = Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC);

    private Storage openStorage() {
        return DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
    }

    @Test
    void testVersionsAreNumberedInOrderFromOne() {
        try (Storage storage = openStorage()) {
            IotAlerts alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
            assertThat(alerts.feed().lastSequence()).isZero();
            assertThat(alerts.feed().read(0, 10)).isEmpty();
            IotAlert shell = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
            alerts.raise(occurrence(LOGIN_FAILED, "gateway-02", T0, "e2"));
            alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(10), "e3"));
            alerts.changeStatus(shell.alertId(), AlertStatus.IN_PROGRESS);

            List<AlertVersion> versions = alerts.feed().read(0, 100);
            assertThat(versions).extracting(AlertVersion::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(versions).extracting(AlertVersion::changeKind).containsExactly(AlertChangeKind.CREATED, AlertChangeKind.CREATED,
                    AlertChangeKind.REPEATED, AlertChangeKind.STATUS_CHANGED);
            assertThat(versions.get(3).alert().count()).isEqualTo(2);
            assertThat(alerts.feed().lastSequence()).isEqualTo(4);
        }
    }

    @Test
    void testAConsumerResumesFromItsCursorInPages() {
        try (Storage storage = openStorage()) {
            IotAlerts alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
            for (int device = 0; device < 7; device++) {
                alerts.raise(occurrence(REVERSE_SHELL, "gateway-" + device, T0, "e" + device));
            }
            List<String> seen = new ArrayList<>();
            long cursor = 0;
            List<AlertVersion> page;
            while (!(page = alerts.feed().read(cursor, 3)).isEmpty()) {
                page.forEach(version -> seen.add(version.alert().deviceId()));
                cursor = page.get(page.size() - 1).sequence();
            }
            assertThat(seen).containsExactly("gateway-0", "gateway-1", "gateway-2", "gateway-3", "gateway-4", "gateway-5", "gateway-6");
            assertThat(alerts.feed().read(7, 3)).isEmpty();
            assertThat(alerts.feed().read(5, 3)).extracting(AlertVersion::sequence).containsExactly(6L, 7L);
        }
    }

    @Test
    void testTheFeedAndTheOpenAlertsSurviveARestart() {
        String alertId;
        List<AlertVersion> before;
        try (Storage storage = openStorage()) {
            IotAlerts alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
            for (int index = 0; index < 5; index++) {
                alerts.raise(occurrence(LOGIN_FAILED, "gateway-0" + index, T0, "e" + index));
            }
            alertId = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "shell-1")).alertId();
            before = alerts.feed().read(0, 100);
        }
        try (Storage storage = openStorage()) {
            IotAlerts alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
            assertThat(alerts.feed().lastSequence()).isEqualTo(6);
            assertThat(alerts.feed().read(0, 100)).isEqualTo(before);
            // a repeat after the restart still merges into the open alert, and numbering goes on
            IotAlert repeated = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(90), "shell-2"));
            assertThat(repeated.alertId()).isEqualTo(alertId);
            assertThat(repeated.count()).isEqualTo(2);
            assertThat(alerts.feed().read(6, 10)).singleElement().satisfies(version -> {
                assertThat(version.sequence()).isEqualTo(7);
                assertThat(version.changeKind()).isEqualTo(AlertChangeKind.REPEATED);
            });
        }
    }

    @Test
    void testAppendListenersAreToldOfEachVersionOnceItCanBeRead() {
        try (Storage storage = openStorage()) {
            IotAlerts alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
            List<Long> readableWhenTold = new ArrayList<>();
            alerts.feed().addAppendListener(version -> {
                assertThat(alerts.feed().read(version.sequence() - 1, 1)).containsExactly(version);
                readableWhenTold.add(version.sequence());
            });

            IotAlert shell = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
            alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
            alerts.changeStatus(shell.alertId(), AlertStatus.RESOLVED);

            // the replayed occurrence published nothing, so it told nobody
            assertThat(readableWhenTold).containsExactly(1L, 2L);
        }
    }

    @Test
    void testBadCursorsAreRefused() {
        try (Storage storage = openStorage()) {
            AlertFeed feed = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1)).feed();
            assertThatThrownBy(() -> feed.read(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("afterSequence must not be negative, was -1");
            assertThatThrownBy(() -> feed.read(0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 1, was 0");
        }
    }
}
