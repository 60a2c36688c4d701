package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.device.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No device-to-cloud message (security or other telemetry) received for {@code silentAfter},
 * judged by the engine's clock against the time the last message was received
 * ({@link DeviceContext#lastMessageReceived}, which the engine keeps across restarts). Raised once
 * per silence; the next message ends it.
 */
final class DeviceSilentDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_DeviceSilent", "Device silent", AlertSeverity.LOW,
            "The device has not sent any telemetry data for the last 72 hours.",
            List.of("Make sure the device is online and sending data.",
                    "Check that the security agent runs on the device and that its connection to the hub works."));

    private final Duration silentAfter;

    DeviceSilentDetector(Duration silentAfter) {
        this.silentAfter = silentAfter;
    }

    /** The last message time for which the alert was raised: one alert per silence. */
    private static final class State {
        Instant raisedFor;
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onClock(DeviceContext device, Instant now) {
        Instant lastReceived = device.lastMessageReceived();
        State state = device.state(this, State::new);
        if (lastReceived == null || lastReceived.equals(state.raisedFor)) {
            return;
        }
        Instant silentSince = lastReceived.plus(silentAfter);
        if (!now.isBefore(silentSince)) {
            state.raisedFor = lastReceived;
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("Last Message Received", lastReceived.toString());
            properties.put("Silent For", silentAfter.toString());
            device.raise(DEFINITION, silentSince, "silent#" + lastReceived, properties, List.of());
        }
    }
}
