package dev.vigil.iot.endpoint.mqtt;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/**
 * A device may subscribe to its own cloud-to-device topic only. Devices never publish through
 * the broker: their events are taken by {@link DeviceChannelHandler} before Moquette sees them.
 */
final class DeviceTopicPolicy implements IAuthorizatorPolicy {

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        return false;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        if (client == null || client.indexOf('/') < 0) {
            return false;
        }
        String hub = DeviceTopics.hubOfSession(client);
        String device = DeviceTopics.deviceOfSession(client);
        return topic.toString().equals(DeviceTopics.inBroker(hub, DeviceTopics.cloudToDeviceFilter(device)));
    }
}
