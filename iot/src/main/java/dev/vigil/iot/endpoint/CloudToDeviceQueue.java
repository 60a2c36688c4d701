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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cloud-to-device messages waiting for their devices, in the state store: a message is kept from
 * the moment it is accepted until the device acknowledges it (MQTT PUBACK; over HTTPS complete or
 * reject) or its time to live runs out, so a restart of the server or a device that is offline
 * loses nothing. Delivery is at least once: a message acknowledged just before a crash may come again.
 *
 * <p>Over HTTPS a device receives one message at a time, locked for {@link #LOCK_TIMEOUT}: while
 * locked it is handed to nobody else (MQTT included); abandoning it or letting the lock run out
 * makes it receivable again, up to {@link #MAX_DELIVERY_COUNT} deliveries, after which it is
 * dropped as IoT Hub dead-letters it. Locks live in memory: after a restart a locked message is
 * simply receivable again.
 */
public final class CloudToDeviceQueue {
    static final String COLLECTION = "iot-c2d-messages";
    /** Messages a device may have waiting; IoT Hub's limit too. */
    public static final int MAX_PENDING = 50;
    /** How long a message waits for its device (IoT Hub's default time to live). */
    public static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    /** How long a message received over HTTPS stays locked (IoT Hub's default). */
    public static final Duration LOCK_TIMEOUT = Duration.ofMinutes(1);
    /** Deliveries over HTTPS after which a message is dropped (IoT Hub's default maximum delivery count). */
    public static final int MAX_DELIVERY_COUNT = 10;

    private final DocumentCollection<CloudToDeviceMessage> messages;
    /** HTTPS locks by message key. */
    private final Map<String, Lock> locks = new ConcurrentHashMap<>();
    /** Deliveries over HTTPS by message key, for the count and the limit; forgotten with the message. */
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
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

    /** The device's messages that are not locked by an HTTPS receive: what MQTT may send. */
    public List<CloudToDeviceMessage> deliverable(String hubName, String deviceId) {
        Instant now = clock.instant();
        return pending(hubName, deviceId).stream().filter(message -> !isLocked(message.key(), now)).toList();
    }

    /**
     * The device's oldest message that is not locked, locked now for {@link #LOCK_TIMEOUT}; empty when none waits.
     * A message handed out {@link #MAX_DELIVERY_COUNT} times already is dropped instead.
     */
    public synchronized Optional<CloudToDeviceDelivery> receive(String hubName, String deviceId) {
        Instant now = clock.instant();
        for (CloudToDeviceMessage message : pending(hubName, deviceId)) {
            String key = message.key();
            if (isLocked(key, now)) {
                continue;
            }
            int count = deliveries.getOrDefault(key, 0) + 1;
            if (count > MAX_DELIVERY_COUNT) {
                complete(message);
                continue;
            }
            deliveries.put(key, count);
            Lock lock = new Lock(UUID.randomUUID().toString(), now.plus(LOCK_TIMEOUT), message);
            locks.put(key, lock);
            return Optional.of(new CloudToDeviceDelivery(message, lock.token(), lock.until(), count));
        }
        return Optional.empty();
    }

    /** Completes (or, as IoT Hub's reject, drops) the message locked with this token. */
    public synchronized CloudToDeviceMessage settle(String hubName, String deviceId, String lockToken) {
        Lock lock = currentLock(hubName, deviceId, lockToken);
        complete(lock.message());
        return lock.message();
    }

    /** Gives the locked message back: receivable again at once, its delivery counted. */
    public synchronized void abandon(String hubName, String deviceId, String lockToken) {
        Lock lock = currentLock(hubName, deviceId, lockToken);
        locks.remove(lock.message().key());
    }

    /** The device acknowledged the message: it is done. */
    public void complete(CloudToDeviceMessage message) {
        messages.delete(message.key());
        locks.remove(message.key());
        deliveries.remove(message.key());
    }

    private Lock currentLock(String hubName, String deviceId, String lockToken) {
        String prefix = CloudToDeviceMessage.devicePrefix(hubName, deviceId);
        Instant now = clock.instant();
        return locks.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix) && entry.getValue().token().equals(lockToken) && entry.getValue().until().isAfter(now))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new CloudToDeviceLockLostException(deviceId, lockToken));
    }

    private boolean isLocked(String key, Instant now) {
        Lock lock = locks.get(key);
        return lock != null && lock.until().isAfter(now);
    }

    private record Lock(String token, Instant until, CloudToDeviceMessage message) {
    }

    /** Drops everything waiting for a device that was deleted. */
    public void purge(String hubName, String deviceId) {
        pending(hubName, deviceId).forEach(this::complete);
    }
}
