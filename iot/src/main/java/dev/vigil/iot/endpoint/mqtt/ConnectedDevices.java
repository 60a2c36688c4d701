package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.iot.auth.AuthenticatedDevice;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live connection of each device. A device has one connection: a new one replaces the old,
 * which is closed (IoT Hub behaves the same way).
 */
final class ConnectedDevices {
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    void add(AuthenticatedDevice device, Channel channel) {
        Channel previous = channels.put(key(device), channel);
        if (previous != null && previous != channel) {
            previous.close();
        }
    }

    void remove(AuthenticatedDevice device, Channel channel) {
        channels.remove(key(device), channel);
    }

    /** @return whether a live connection was closed */
    boolean close(String hubName, String deviceId) {
        Channel channel = channels.remove(DeviceTopics.sessionKey(hubName, deviceId));
        if (channel == null) {
            return false;
        }
        channel.close();
        return true;
    }

    /** Passes {@code event} to the device's live connection; @return whether there was one */
    boolean notify(String hubName, String deviceId, Object event) {
        Channel channel = channels.get(DeviceTopics.sessionKey(hubName, deviceId));
        if (channel == null || !channel.isActive()) {
            return false;
        }
        channel.pipeline().fireUserEventTriggered(event);
        return true;
    }

    boolean isConnected(String hubName, String deviceId) {
        Channel channel = channels.get(DeviceTopics.sessionKey(hubName, deviceId));
        return channel != null && channel.isActive();
    }

    private static String key(AuthenticatedDevice device) {
        return DeviceTopics.sessionKey(device.hub().name(), device.device().deviceId());
    }
}
