package dev.vigil.server.console.iot;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/** The IoT page: the user's subscriptions and their IoT hubs, with Defender for IoT per hub, and the way to the IoT alerts. */
public record IotPage(Shell shell, List<SubscriptionView> subscriptions, String alertsHref) {

    public record SubscriptionView(String id, String name, HubList hubs) {
    }

    /** A subscription's hubs: the fragment that turning Defender for IoT on or off answers with. */
    public record HubList(String subscriptionId, List<HubRow> rows, Optional<String> message) {
    }

    /**
     * @param href the hub's page: security groups, devices
     * @param switchAction turns Defender for IoT off when it is on, on when it is off: the state the button names
     */
    public record HubRow(String name, String href, String resourceGroup, int devices, boolean monitoring, Permit permit, String switchAction) {
    }
}
