package dev.vigil.iot.endpoint;

import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityMessage;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes refused device connections to the log; other activity is ignored. The server runs it
 * beside the detection engine, so that refusals are visible in the log whether or not the hub
 * is monitored.
 */
public final class LoggingActivityListener implements DeviceActivityListener {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingActivityListener.class);

    @Override
    public void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt) {
    }

    @Override
    public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
    }

    @Override
    public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
    }

    @Override
    public void authenticationFailure(DeviceRefusal refusal) {
        LOG.info("device '{}' of hub '{}' ({}) refused from {}: {} ({})", refusal.deviceId(), refusal.hubHost(),
                refusal.hubResourceId().orElse("no such hub"), refusal.sourceAddress(), refusal.reason(), refusal.detail());
    }
}
