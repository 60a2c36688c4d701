package dev.vigil.iot.endpoint;

import java.time.Instant;

/**
 * A cloud-to-device message received over HTTPS and locked for the device: it settles it with the
 * lock token (IoT Hub's {@code ETag}) before {@code lockedUntil}, or the message becomes receivable again.
 *
 * @param deliveryCount how many times the message was handed out, this time included
 */
public record CloudToDeviceDelivery(CloudToDeviceMessage message, String lockToken, Instant lockedUntil, int deliveryCount) {
}
