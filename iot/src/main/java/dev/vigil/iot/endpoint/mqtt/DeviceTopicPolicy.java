package dev.vigil.iot.endpoint.mqtt;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.util.List;

/**
 * A device may subscribe to its own cloud-to-device topic, a module to its inputs (which the SDKs
 * subscribe to when a module opens; nothing arrives there, as Vigil routes no edge messages), and a device or module to twin
 * responses, desired-property notifications and direct methods; nothing else. Nothing is ever
 * published through the broker: {@link DeviceChannelHandler} takes what devices publish and sends
 * what they receive itself; the broker's subscriptions only say what was granted.
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
        String asked = topic.toString();
        if (!DeviceTopics.isModuleSession(client) && asked.equals(DeviceTopics.inBroker(hub, DeviceTopics.cloudToDeviceFilter(device)))) {
            return true;
        }
        if (DeviceTopics.isModuleSession(client) && asked.equals(DeviceTopics.inBroker(hub, DeviceTopics.moduleInputsFilter(device)))) {
            return true;
        }
        return List.of(DeviceTopics.TWIN_RESPONSES_FILTER, DeviceTopics.DESIRED_PROPERTIES_FILTER, DeviceTopics.METHODS_FILTER).stream()
                .anyMatch(filter -> asked.equals(DeviceTopics.inBroker(hub, filter)));
    }
}
