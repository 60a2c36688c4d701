package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.device.DeviceAddress;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live connection of each device and module. Each has one connection: a new one replaces the
 * old, which is closed (IoT Hub behaves the same way).
 */
final class ConnectedDevices {
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    void add(AuthenticatedDevice device, Channel channel) {
        Channel previous = channels.put(DeviceTopics.sessionKey(device.address()), channel);
        if (previous != null && previous != channel) {
            previous.close();
        }
    }

    void remove(AuthenticatedDevice device, Channel channel) {
        channels.remove(DeviceTopics.sessionKey(device.address()), channel);
    }

    /** @return whether a live connection was closed */
    boolean close(DeviceAddress address) {
        Channel channel = channels.remove(DeviceTopics.sessionKey(address));
        if (channel == null) {
            return false;
        }
        channel.close();
        return true;
    }

    /** Closes the device's connection and those of its modules; @return whether the device itself was connected */
    boolean closeWithModules(String hubName, String deviceId) {
        String modulePrefix = DeviceTopics.sessionKey(hubName, deviceId) + "/";
        channels.keySet().stream().filter(key -> key.startsWith(modulePrefix)).toList().forEach(key -> {
            Channel channel = channels.remove(key);
            if (channel != null) {
                channel.close();
            }
        });
        return close(DeviceAddress.device(hubName, deviceId));
    }

    /** Passes {@code event} to the live connection; @return whether there was one */
    boolean notify(DeviceAddress address, Object event) {
        Optional<Channel> channel = live(address);
        channel.ifPresent(c -> c.pipeline().fireUserEventTriggered(event));
        return channel.isPresent();
    }

    boolean isConnected(DeviceAddress address) {
        return live(address).isPresent();
    }

    Optional<Channel> live(DeviceAddress address) {
        Channel channel = channels.get(DeviceTopics.sessionKey(address));
        return channel != null && channel.isActive() ? Optional.of(channel) : Optional.empty();
    }
}
