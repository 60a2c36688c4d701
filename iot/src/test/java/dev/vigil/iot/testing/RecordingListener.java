package dev.vigil.iot.testing;

import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityMessage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every call, for tests to read back. */
public final class RecordingListener implements DeviceActivityListener {
    public record Received(DeviceIdentity device, SecurityMessage message, Protocol protocol) {
    }

    public final List<Received> securityMessages = new CopyOnWriteArrayList<>();
    public final List<DeviceIdentity> deviceToCloud = new CopyOnWriteArrayList<>();
    public final List<DeviceIdentity> cloudToDevice = new CopyOnWriteArrayList<>();
    public final List<DeviceRefusal> refusals = new CopyOnWriteArrayList<>();
    public final List<String> agentConfigurationErrors = new CopyOnWriteArrayList<>();

    @Override
    public void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt) {
        securityMessages.add(new Received(device, message, protocol));
    }

    @Override
    public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
        deviceToCloud.add(device);
    }

    @Override
    public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
        cloudToDevice.add(device);
    }

    @Override
    public void refused(DeviceRefusal refusal) {
        refusals.add(refusal);
    }

    @Override
    public void agentConfigurationRejected(DeviceIdentity device, String problem, Instant at) {
        agentConfigurationErrors.add(device.deviceId() + ": " + problem);
    }
}
