package dev.vigil.server.console.iot;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/** The IoT page: the user's subscriptions and their IoT hubs, with Defender for IoT per hub. */
public record IotPage(Shell shell, List<SubscriptionView> subscriptions) {

    public record SubscriptionView(String id, String name, HubList hubs) {
    }

    /** A subscription's hubs: the fragment that turning Defender for IoT on or off answers with. */
    public record HubList(String subscriptionId, List<HubRow> rows, Optional<String> message) {
    }

    /** @param toggleAction turns Defender for IoT on when it is off, off when it is on */
    public record HubRow(String name, String resourceGroup, int devices, boolean monitoring, Permit permit, String toggleAction) {
    }
}
