package dev.vigil.iot.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.message.SecurityMessage;
import dev.vigil.iot.testing.RecordingListener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestBroadcastActivityListener {
    private static final DeviceIdentity DEVICE = new DeviceIdentity("sub-1", "rg-1", "hub-1",
            "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/hub-1", "sensor-1", "default");

    @Test
    void testEveryListenerHearsEveryReportEvenAfterOneFails() {
        RecordingListener first = new RecordingListener();
        RecordingListener last = new RecordingListener();
        BroadcastActivityListener broadcast = new BroadcastActivityListener(List.of(first, new FailingListener(), last));

        broadcast.deviceToCloudMessage(DEVICE, Protocol.MQTT, Instant.EPOCH);
        broadcast.cloudToDeviceMessage(DEVICE, Protocol.MQTT, false, Instant.EPOCH);
        DeviceRefusal refusal = new DeviceRefusal("ghost-hub.azure-devices.net", Optional.empty(), "sensor-1", AuthenticationFailure.UNKNOWN_DEVICE,
                "no IoT hub is named by host 'ghost-hub.azure-devices.net'", "10.0.0.1", Instant.EPOCH);
        broadcast.refused(refusal);

        for (RecordingListener listener : List.of(first, last)) {
            assertThat(listener.deviceToCloud).containsExactly(DEVICE);
            assertThat(listener.cloudToDevice).containsExactly(DEVICE);
            assertThat(listener.refusals).containsExactly(refusal);
        }
    }

    /** A listener with a bug. */
    private static final class FailingListener implements DeviceActivityListener {
        @Override
        public void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt) {
            throw new IllegalStateException("broken");
        }

        @Override
        public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
            throw new IllegalStateException("broken");
        }

        @Override
        public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
            throw new IllegalStateException("broken");
        }

        @Override
        public void refused(DeviceRefusal refusal) {
            throw new IllegalStateException("broken");
        }
    }
}
