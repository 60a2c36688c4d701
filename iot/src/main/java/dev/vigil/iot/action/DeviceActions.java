package dev.vigil.iot.action;

import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * What automation may do to a device: disable or enable it (a disabled device's live connection is
 * closed by the endpoint, which listens to the registry), send it a cloud-to-device message, set
 * its twin tags.
 */
public final class DeviceActions {
    private final IotRegistry registry;
    private final DeviceConnections connections;
    private final DeviceActivityListener listener;
    private final Clock clock;

    public DeviceActions(IotRegistry registry, DeviceConnections connections, DeviceActivityListener listener, Clock clock) {
        this.registry = registry;
        this.connections = connections;
        this.listener = listener;
        this.clock = clock;
    }

    public Device disable(IotHub hub, String deviceId) {
        Device disabled = registry.setDeviceStatus(hub, deviceId, DeviceStatus.DISABLED);
        connections.disconnect(hub.name(), deviceId);
        return disabled;
    }

    public Device enable(IotHub hub, String deviceId) {
        return registry.setDeviceStatus(hub, deviceId, DeviceStatus.ENABLED);
    }

    /** @return whether the device was connected to take it */
    public boolean sendCloudToDeviceMessage(IotHub hub, String deviceId, byte[] body, Map<String, String> properties) {
        Device device = registry.device(hub, deviceId);
        boolean live = connections.sendToDevice(hub.name(), deviceId, body, properties);
        listener.cloudToDeviceMessage(registry.identity(hub, device), Protocol.MQTT, false, clock.instant());
        return live;
    }

    public Device setTags(IotHub hub, String deviceId, Map<String, String> tags) {
        return registry.setTags(hub, deviceId, tags);
    }
}
