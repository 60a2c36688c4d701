package dev.vigil.iot.detection;

import dev.vigil.iot.device.DeviceIdentity;
import java.time.Instant;

/** When a device's last device-to-cloud message was received: what "Device silent" judges by. */
public record LastMessage(DeviceIdentity device, Instant receivedAt) {
}
