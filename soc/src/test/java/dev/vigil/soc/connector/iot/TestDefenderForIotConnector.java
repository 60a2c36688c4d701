package dev.vigil.soc.connector.iot;

import static dev.vigil.soc.connector.iot.ConnectorFixture.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.ResourceNotFoundException;
import dev.vigil.iot.registry.Subscription;
import dev.vigil.soc.connector.ConnectionStatus;
import dev.vigil.soc.connector.DefenderNotEnabledException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting and disconnecting subscriptions on the real DuckDB store, and what the connector page shows. */
class TestDefenderForIotConnector {
    private static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void connectRefusedWhenNoHubHasDefender() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, CLOCK)) {
            fixture.hub("sub-1", "quiet-hub", false);
            fixture.registry.putSubscription(new Subscription("sub-empty", null));

            assertThatThrownBy(() -> fixture.connector.connect(WORKSPACE, "sub-1", true))
                    .isInstanceOfSatisfying(DefenderNotEnabledException.class, e -> {
                        assertThat(e.code()).isEqualTo("DefenderForIoTNotEnabled");
                        assertThat(e.status()).isEqualTo(409);
                    })
                    .hasMessageContaining("No IoT hub of subscription 'sub-1' has Defender for IoT turned on (1 hub, security monitoring off)")
                    .hasMessageContaining("Enable Defender for IoT (security monitoring) on an IoT hub of this subscription");
            assertThatThrownBy(() -> fixture.connector.connect(WORKSPACE, "sub-empty", true))
                    .hasMessageContaining("(the subscription has no IoT hub)");
            assertThat(fixture.connector.subscription(WORKSPACE, "sub-1").connected()).isFalse();
            assertThat(fixture.connector.status(WORKSPACE)).isEqualTo(ConnectionStatus.DISCONNECTED);
        }
    }

    @Test
    void connectIsIdempotentAndARepeatOnlyStoresTheIncidentsFlag() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, CLOCK)) {
            fixture.hub("sub-1", "plant-hub", true);
            List<String> told = new ArrayList<>();
            fixture.connector.addListener(new RecordingListener(told));

            ConnectOutcome first = fixture.connector.connect(WORKSPACE, "sub-1", true);
            ConnectOutcome again = fixture.connector.connect(WORKSPACE, "sub-1", true);
            ConnectOutcome toggled = fixture.connector.connect(WORKSPACE, "sub-1", false);

            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(toggled.created()).isFalse();
            assertThat(toggled.state().connected()).isTrue();
            assertThat(toggled.state().createIncidents()).contains(false);
            assertThat(toggled.state().connectedSince()).contains(T0);
            assertThat(fixture.connector.connections().find(WORKSPACE, "sub-1").orElseThrow().periods()).hasSize(1);
            assertThat(told).containsExactly("connected default sub-1 true", "connected default sub-1 true", "connected default sub-1 false");
            assertThat(fixture.connector.status(WORKSPACE)).isEqualTo(ConnectionStatus.CONNECTED);
        }
    }

    @Test
    void aConnectionCoversExactlyTheFeedVersionsMadeWhileConnected() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, CLOCK)) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            List<String> told = new ArrayList<>();
            fixture.connector.addListener(new RecordingListener(told));
            fixture.raise(hub, "before", T0);
            fixture.connector.connect(WORKSPACE, "sub-1", true);
            fixture.raise(hub, "during", T0);
            assertThat(fixture.connector.disconnect(WORKSPACE, "sub-1")).isTrue();
            fixture.raise(hub, "after", T0);
            fixture.connector.connect(WORKSPACE, "sub-1", false);
            fixture.raise(hub, "again", T0);

            SubscriptionConnection connection = fixture.connector.connections().find(WORKSPACE, "sub-1").orElseThrow();
            assertThat(List.of(1L, 2L, 3L, 4L)).filteredOn(connection::covers).containsExactly(2L, 4L);
            assertThat(connection.periods()).extracting(ConnectedPeriod::afterSequence).containsExactly(1L, 3L);
            assertThat(connection.periods().get(0).untilSequence()).isEqualTo(2L);
            assertThat(fixture.connector.disconnect(WORKSPACE, "sub-1")).isTrue();
            assertThat(fixture.connector.disconnect(WORKSPACE, "sub-1")).isFalse();
            assertThat(told).containsExactly("connected default sub-1 true", "disconnected default sub-1 true",
                    "connected default sub-1 false", "disconnected default sub-1 false");
        }
    }

    @Test
    void connectionStateSurvivesARestart() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, CLOCK)) {
            fixture.hub("sub-1", "plant-hub", true);
            fixture.hub("sub-2", "yard-hub", true);
            fixture.connector.connect(WORKSPACE, "sub-1", false);
            fixture.connector.connect(WORKSPACE, "sub-2", true);
            fixture.connector.disconnect(WORKSPACE, "sub-2");
        }
        try (ConnectorFixture fixture = ConnectorFixture.open(data, CLOCK)) {
            SubscriptionState one = fixture.connector.subscription(WORKSPACE, "sub-1");
            assertThat(one.connected()).isTrue();
            assertThat(one.createIncidents()).contains(false);
            assertThat(fixture.connector.subscription(WORKSPACE, "sub-2").connected()).isFalse();
            assertThat(fixture.connector.status(WORKSPACE)).isEqualTo(ConnectionStatus.CONNECTED);
        }
    }

    @Test
    void theSubscriptionListShowsOnlyVisibleSubscriptionsWithTheirHubsAndMonitoring() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, CLOCK)) {
            fixture.hub("sub-1", "plant-hub", true);
            fixture.registry.putHub("sub-1", "rg-1", "quiet-hub", HubSecuritySettings.defaults());
            fixture.hub("sub-2", "yard-hub", true);
            fixture.connector.connect(WORKSPACE, "sub-1", true);

            List<SubscriptionState> visible = fixture.connector.subscriptions(WORKSPACE, "sub-1"::equals);

            assertThat(visible).singleElement().satisfies(state -> {
                assertThat(state.subscriptionId()).isEqualTo("sub-1");
                assertThat(state.displayName()).isEqualTo("sub-1 display");
                assertThat(state.connected()).isTrue();
                assertThat(state.hubs()).extracting(HubMonitoring::name).containsExactly("plant-hub", "quiet-hub");
                assertThat(state.monitoredHubCount()).isEqualTo(1);
                assertThat(state.hubs().get(0).resourceId())
                        .isEqualTo("/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/plant-hub");
            });
            assertThat(fixture.connector.subscriptions(WORKSPACE, subscription -> true)).extracting(SubscriptionState::connected)
                    .containsExactly(true, false);
        }
    }

    @Test
    void unknownWorkspacesAndSubscriptionsAreNotFound() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, CLOCK)) {
            fixture.hub("sub-1", "plant-hub", true);

            assertThatThrownBy(() -> fixture.connector.connect("nowhere", "sub-1", true)).isInstanceOf(WorkspaceNotFoundException.class)
                    .hasMessage("there is no workspace 'nowhere'");
            assertThatThrownBy(() -> fixture.connector.connect(WORKSPACE, "sub-9", true)).isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("sub-9");
            assertThatThrownBy(() -> fixture.connector.disconnect(WORKSPACE, "sub-9")).isInstanceOf(ResourceNotFoundException.class);
        }
    }

    /** Writes down every call as text, in order. */
    private record RecordingListener(List<String> calls) implements ConnectionListener {
        @Override
        public void connected(String workspaceId, String subscriptionId, boolean createIncidents) {
            calls.add("connected " + workspaceId + " " + subscriptionId + " " + createIncidents);
        }

        @Override
        public void disconnected(String workspaceId, String subscriptionId, boolean createIncidents) {
            calls.add("disconnected " + workspaceId + " " + subscriptionId + " " + createIncidents);
        }
    }
}
