package dev.vigil.iot.detection;

import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A detection engine on two lanes with a hand-moved clock, recording what it raises. */
final class EngineHarness implements AutoCloseable {
    static final String HUB = "/subscriptions/3f2a9c1e-0000-4000-8000-000000000001/resourceGroups/plant-rg/providers/Microsoft.Devices/IotHubs/plant-hub";
    static final String QUIET_HUB = "/subscriptions/3f2a9c1e-0000-4000-8000-000000000001/resourceGroups/plant-rg/providers/Microsoft.Devices/IotHubs/office-hub";

    final MutableClock clock = new MutableClock(SecurityMessages.T0);
    final TestDetectionSettings settings = new TestDetectionSettings().monitor(HUB);
    final RecordingAlertSink sink = new RecordingAlertSink();
    final DetectionEngine engine = new DetectionEngine(settings, sink, clock,
            DetectionOptions.defaults().withLanes(2).withClockInterval(Duration.ZERO));

    static DeviceIdentity device(String deviceId) {
        return device(HUB, deviceId, "default");
    }

    static DeviceIdentity device(String hubResourceId, String deviceId, String securityGroup) {
        String hubName = hubResourceId.substring(hubResourceId.lastIndexOf('/') + 1);
        return new DeviceIdentity("3f2a9c1e-0000-4000-8000-000000000001", "plant-rg", hubName, hubResourceId, deviceId, securityGroup);
    }

    /** Sends each event in its own message over MQTT, as the agent does for triggered events. */
    void send(DeviceIdentity device, List<SecurityEvent> events) {
        for (SecurityEvent event : events) {
            engine.deviceToCloudMessage(device, Protocol.MQTT, event.timestampUtc());
            engine.securityMessage(device, SecurityMessages.message(event), Protocol.MQTT, event.timestampUtc());
        }
    }

    List<String> alertTypes() {
        flush();
        return sink.alertTypes();
    }

    void flush() {
        try {
            engine.flush().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the engine did not finish its queue", e);
        }
    }

    void checkClock() {
        try {
            engine.checkClock().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the engine did not look at the clock", e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
