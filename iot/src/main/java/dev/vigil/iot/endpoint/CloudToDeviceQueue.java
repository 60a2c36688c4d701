package dev.vigil.iot.endpoint;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cloud-to-device messages waiting for their devices, in the state store: a message is kept from
 * the moment it is accepted until the device acknowledges it (MQTT PUBACK) or its time to live
 * runs out, so a restart of the server or a device that is offline loses nothing. Delivery is at
 * least once: a message acknowledged just before a crash may come again.
 */
public final class CloudToDeviceQueue {
    static final String COLLECTION = "iot-c2d-messages";
    /** Messages a device may have waiting; IoT Hub's limit too. */
    public static final int MAX_PENDING = 50;
    /** How long a message waits for its device (IoT Hub's default time to live). */
    public static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    private final DocumentCollection<CloudToDeviceMessage> messages;
    private final Clock clock;
    /** Sequences grow with the clock (microseconds), so they keep growing across restarts. */
    private final AtomicLong lastSequence = new AtomicLong();

    public CloudToDeviceQueue(StateStore store, Clock clock) {
        this.messages = store.collection(COLLECTION, CloudToDeviceMessage.class);
        this.clock = clock;
    }

    /**
     * Keeps a message for the device.
     *
     * @throws CloudToDeviceQueueFullException when the device already has {@link #MAX_PENDING} waiting
     */
    public CloudToDeviceMessage enqueue(String hubName, String deviceId, byte[] body, Map<String, String> properties) {
        List<CloudToDeviceMessage> waiting = pending(hubName, deviceId);
        if (waiting.size() >= MAX_PENDING) {
            throw new CloudToDeviceQueueFullException(hubName, deviceId, MAX_PENDING);
        }
        Instant now = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        long sequence = lastSequence.updateAndGet(last -> Math.max(last + 1, micros));
        CloudToDeviceMessage message = new CloudToDeviceMessage(sequence, UUID.randomUUID().toString(), hubName, deviceId, body,
                properties, now, now.plus(TIME_TO_LIVE));
        messages.put(message.key(), message);
        return message;
    }

    /** The device's messages that have not expired, oldest first; expired ones are removed. */
    public List<CloudToDeviceMessage> pending(String hubName, String deviceId) {
        String prefix = CloudToDeviceMessage.devicePrefix(hubName, deviceId);
        Instant now = clock.instant();
        List<CloudToDeviceMessage> out = new ArrayList<>();
        // More than MAX_PENDING can be stored only as expired leftovers; read a page beyond that.
        for (CloudToDeviceMessage message : messages.listAfter(prefix, MAX_PENDING * 2)) {
            if (!message.key().startsWith(prefix)) {
                break;
            }
            if (message.expiresAt().isAfter(now)) {
                out.add(message);
            } else {
                messages.delete(message.key());
            }
        }
        return out;
    }

    /** The device acknowledged the message: it is done. */
    public void complete(CloudToDeviceMessage message) {
        messages.delete(message.key());
    }

    /** Drops everything waiting for a device that was deleted. */
    public void purge(String hubName, String deviceId) {
        pending(hubName, deviceId).forEach(this::complete);
    }
}
