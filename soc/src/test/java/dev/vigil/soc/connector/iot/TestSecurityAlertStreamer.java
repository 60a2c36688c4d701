package dev.vigil.soc.connector.iot;

import static dev.vigil.soc.connector.iot.ConnectorFixture.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.alert.AlertStatus;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamer on the real DuckDB store: what becomes a row, when, and exactly once across restarts. */
class TestSecurityAlertStreamer {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String IOT_ROWS = "SecurityAlert | where ProductName == \"Azure Security Center for IoT\"";
    private static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void anAlertBecomesARowQueryableByProduct() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.systemUTC());
                SecurityAlertStreamer streamer = SecurityAlertStreamer.start(fixture.connector, fixture.storage.logStore(), fixture.clock, StreamObserver.NONE)) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            fixture.connector.connect(WORKSPACE, "sub-1", true);

            IotAlert alert = fixture.raise(hub, "gateway-01", T0);

            awaitCount(fixture, IOT_ROWS + " | where SystemAlertId == \"" + alert.alertId() + "\" and CompromisedEntity == \"gateway-01\"", 1);
            await(() -> streamer.lag() == 0);
            assertThat(streamer.rowsWritten()).isEqualTo(1);
            assertThat(fixture.storage.logStore().checkpoint(SecurityAlertStreamer.consumer(WORKSPACE))).isEqualTo(1);
        }
    }

    @Test
    void aStatusChangeAddsASecondRowWithTheSameSystemAlertId() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.systemUTC());
                SecurityAlertStreamer streamer = SecurityAlertStreamer.start(fixture.connector, fixture.storage.logStore(), fixture.clock, StreamObserver.NONE)) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            fixture.connector.connect(WORKSPACE, "sub-1", true);
            IotAlert alert = fixture.raise(hub, "gateway-01", T0);

            fixture.alerts.changeStatus(alert.alertId(), AlertStatus.IN_PROGRESS);

            awaitCount(fixture, IOT_ROWS, 2);
            ResultTable rows = query(fixture, IOT_ROWS + " | order by TimeGenerated asc, Status desc | project SystemAlertId, Status");
            assertThat(rows.rows()).containsExactly(List.of(alert.alertId(), "New"), List.of(alert.alertId(), "InProgress"));
        }
    }

    @Test
    void nothingIsWrittenFromAnUnconnectedSubscriptionNorAfterDisconnecting() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.systemUTC());
                SecurityAlertStreamer streamer = SecurityAlertStreamer.start(fixture.connector, fixture.storage.logStore(), fixture.clock, StreamObserver.NONE)) {
            IotHub connected = fixture.hub("sub-1", "plant-hub", true);
            IotHub other = fixture.hub("sub-2", "yard-hub", true);
            fixture.raise(connected, "before-connect", T0);
            fixture.connector.connect(WORKSPACE, "sub-1", true);
            fixture.raise(other, "other-subscription", T0);
            fixture.raise(connected, "while-connected", T0);
            awaitCount(fixture, IOT_ROWS, 1);

            fixture.connector.disconnect(WORKSPACE, "sub-1");
            fixture.raise(connected, "after-disconnect", T0);
            await(() -> fixture.storage.logStore().checkpoint(SecurityAlertStreamer.consumer(WORKSPACE)) >= 3);

            assertThat(column(query(fixture, IOT_ROWS + " | project CompromisedEntity"))).containsExactly("while-connected");
            assertThat(streamer.lag()).isZero();
        }
    }

    @Test
    void versionsMadeWhileConnectedAreWrittenEvenWhenTheStreamerCatchesUpAfterTheDisconnect() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.systemUTC())) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            fixture.connector.connect(WORKSPACE, "sub-1", true);
            fixture.raise(hub, "during-1", T0);
            fixture.raise(hub, "during-2", T0);
            fixture.connector.disconnect(WORKSPACE, "sub-1");
            fixture.raise(hub, "after", T0);

            try (SecurityAlertStreamer streamer = SecurityAlertStreamer.start(fixture.connector, fixture.storage.logStore(), fixture.clock, StreamObserver.NONE)) {
                // the cursor passes the version made after the disconnect without writing it
                await(() -> fixture.storage.logStore().checkpoint(SecurityAlertStreamer.consumer(WORKSPACE)) == 3);
            }

            assertThat(column(query(fixture, IOT_ROWS + " | order by CompromisedEntity asc | project CompromisedEntity"))).containsExactly("during-1", "during-2");
        }
    }

    @Test
    void exactlyOneRowPerVersionWhenTheStreamerStopsMidwayAndTheStoreRestarts() {
        int versions = 40;
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.systemUTC())) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            fixture.connector.connect(WORKSPACE, "sub-1", true);
            for (int device = 0; device < versions; device++) {
                fixture.raise(hub, "gateway-" + device, T0);
            }
            try (SecurityAlertStreamer streamer = SecurityAlertStreamer.start(fixture.connector, fixture.storage.logStore(), fixture.clock,
                    StreamObserver.NONE, 3)) {
                await(() -> streamer.rowsWritten() >= 3);
            }
            long stoppedAt = fixture.storage.logStore().checkpoint(SecurityAlertStreamer.consumer(WORKSPACE));
            assertThat(stoppedAt).isLessThan(versions);
            assertThat(count(fixture, IOT_ROWS)).isEqualTo(stoppedAt);
        }
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.systemUTC());
                SecurityAlertStreamer streamer = SecurityAlertStreamer.start(fixture.connector, fixture.storage.logStore(), fixture.clock,
                        StreamObserver.NONE, 3)) {
            await(() -> fixture.storage.logStore().checkpoint(SecurityAlertStreamer.consumer(WORKSPACE)) == versions);

            assertThat(count(fixture, IOT_ROWS)).isEqualTo(versions);
            assertThat(count(fixture, IOT_ROWS + " | summarize dcount(SystemAlertId)")).isEqualTo(versions);
        }
    }

    @Test
    void theObserverSeesEachWrittenVersionOnceAfterItsCommit() {
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.systemUTC());
                SecurityAlertStreamer streamer = SecurityAlertStreamer.start(fixture.connector, fixture.storage.logStore(), fixture.clock,
                        (workspace, written, committedAt) -> written.forEach(version -> seen.add(version.sequence())))) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            IotHub other = fixture.hub("sub-2", "yard-hub", true);
            fixture.connector.connect(WORKSPACE, "sub-1", true);
            fixture.raise(hub, "a", T0);
            fixture.raise(other, "b", T0);
            fixture.raise(hub, "c", T0);

            await(() -> seen.size() == 2);
            await(() -> streamer.lag() == 0);
            assertThat(seen).containsExactly(1L, 3L);
        }
    }

    private static void awaitCount(ConnectorFixture fixture, String kql, long expected) {
        await(() -> fixture.storage.logStore().query(WORKSPACE, QueryRequest.of(kql)).primary().rows().size() == expected);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within " + DEADLINE).isBefore(deadline);
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static ResultTable query(ConnectorFixture fixture, String kql) {
        return fixture.storage.logStore().query(WORKSPACE, QueryRequest.of(kql)).primary();
    }

    private static long count(ConnectorFixture fixture, String kql) {
        ResultTable table = query(fixture, kql.contains("summarize") ? kql : kql + " | count");
        return ((Number) table.rows().get(0).get(0)).longValue();
    }

    private static List<Object> column(ResultTable table) {
        return table.rows().stream().map(row -> row.get(0)).toList();
    }
}
