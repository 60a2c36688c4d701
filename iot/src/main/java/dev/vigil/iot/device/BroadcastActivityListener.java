package dev.vigil.iot.device;

import dev.vigil.iot.message.SecurityMessage;
import java.time.Instant;
import java.util.List;

/**
 * Passes every report to each of its listeners in order, e.g. the detection engine and a log of
 * refusals. The listeners do not block (the contract of {@link DeviceActivityListener}), so
 * neither does this.
 */
public final class BroadcastActivityListener implements DeviceActivityListener {
    private final List<DeviceActivityListener> listeners;

    public BroadcastActivityListener(List<DeviceActivityListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt) {
        for (DeviceActivityListener listener : listeners) {
            listener.securityMessage(device, message, protocol, receivedAt);
        }
    }

    @Override
    public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
        for (DeviceActivityListener listener : listeners) {
            listener.deviceToCloudMessage(device, protocol, receivedAt);
        }
    }

    @Override
    public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
        for (DeviceActivityListener listener : listeners) {
            listener.cloudToDeviceMessage(device, protocol, rejected, at);
        }
    }

    @Override
    public void authenticationFailure(String hubResourceId, String deviceId, AuthenticationFailure reason, String sourceAddress, Instant at) {
        for (DeviceActivityListener listener : listeners) {
            listener.authenticationFailure(hubResourceId, deviceId, reason, sourceAddress, at);
        }
    }
}
