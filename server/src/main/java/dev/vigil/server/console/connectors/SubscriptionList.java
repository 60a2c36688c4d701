package dev.vigil.server.console.connectors;

import dev.vigil.server.console.Permit;
import java.util.List;
import java.util.Optional;

/**
 * The Defender for IoT connector's subscriptions, as the list fragment that Connect and
 * Disconnect answer with and that server-sent events replace when something changes.
 *
 * @param iotHref the IoT page, where Defender for IoT is turned on per hub
 */
public record SubscriptionList(List<Row> rows, String iotHref) {

    /**
     * A subscription with its Connect or Disconnect action.
     *
     * @param permit whether the user may connect or disconnect it, and why not
     * @param error what went wrong at the user's last attempt, shown under the row
     */
    public record Row(String id, String name, int hubs, long monitoredHubs, boolean connected, String connectedSince, Permit permit,
            Optional<String> error, String connectAction, String disconnectAction) {
    }
}
