package dev.vigil.iot.device;

import dev.vigil.iot.message.SecurityMessage;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes every report to each of its listeners in order, e.g. the detection engine and a log of
 * refusals. The listeners do not block (the contract of {@link DeviceActivityListener}), so
 * neither does this. A listener that fails is logged and skipped: a device's message or refusal
 * never fails because an observer of it did.
 */
public final class BroadcastActivityListener implements DeviceActivityListener {
    private static final Logger LOG = LoggerFactory.getLogger(BroadcastActivityListener.class);

    private final List<DeviceActivityListener> listeners;

    public BroadcastActivityListener(List<DeviceActivityListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt) {
        for (DeviceActivityListener listener : listeners) {
            try {
                listener.securityMessage(device, message, protocol, receivedAt);
            } catch (RuntimeException e) {
                LOG.warn("device activity listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
        for (DeviceActivityListener listener : listeners) {
            try {
                listener.deviceToCloudMessage(device, protocol, receivedAt);
            } catch (RuntimeException e) {
                LOG.warn("device activity listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
        for (DeviceActivityListener listener : listeners) {
            try {
                listener.cloudToDeviceMessage(device, protocol, rejected, at);
            } catch (RuntimeException e) {
                LOG.warn("device activity listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void refused(DeviceRefusal refusal) {
        for (DeviceActivityListener listener : listeners) {
            try {
                listener.refused(refusal);
            } catch (RuntimeException e) {
                LOG.warn("device activity listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void agentConfigurationRejected(DeviceIdentity device, String problem, Instant at) {
        for (DeviceActivityListener listener : listeners) {
            try {
                listener.agentConfigurationRejected(device, problem, at);
            } catch (RuntimeException e) {
                LOG.warn("device activity listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }
}
