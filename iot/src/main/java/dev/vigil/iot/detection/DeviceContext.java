package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertEntity;
import dev.vigil.iot.alert.AlertOccurrence;
import dev.vigil.iot.alert.AlertSink;
import dev.vigil.iot.device.DeviceIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The streaming state of one device on its lane, and the way its detectors raise alerts. */
final class DeviceContext {
    private final DeviceIdentity identity;
    private final AlertSink sink;
    private final Map<Detector, Object> states = new HashMap<>();
    private final Instant minimumsJudgedFrom;
    private SecurityGroupRules rules = SecurityGroupRules.none();
    private Instant lastActivity;
    private Instant lastMessageReceived;
    private boolean lastMessageSaved = true;

    DeviceContext(DeviceIdentity identity, AlertSink sink, Instant minimumsJudgedFrom) {
        this.identity = identity;
        this.sink = sink;
        this.minimumsJudgedFrom = minimumsJudgedFrom;
    }

    /**
     * Count windows that began before this are not judged for a minimum: after a restart their
     * counts are partial (only the stored security events are replayed, and no other messages).
     */
    Instant minimumsJudgedFrom() {
        return minimumsJudgedFrom;
    }

    /** When the device's last device-to-cloud message was received; null before the first. */
    Instant lastMessageReceived() {
        return lastMessageReceived;
    }

    /** A device-to-cloud message was received at {@code at}. */
    void messageReceived(Instant at) {
        if (lastMessageReceived == null || at.isAfter(lastMessageReceived)) {
            lastMessageReceived = at;
            lastMessageSaved = false;
        }
    }

    /** The last message time as saved before a restart: known, and already saved. */
    void restoreLastMessage(Instant at) {
        messageReceived(at);
        lastMessageSaved = true;
    }

    /** The last message time if it changed since it was last saved, which it now counts as. */
    Optional<LastMessage> takeUnsavedLastMessage() {
        if (lastMessageSaved || lastMessageReceived == null) {
            return Optional.empty();
        }
        lastMessageSaved = true;
        return Optional.of(new LastMessage(identity, lastMessageReceived));
    }

    DeviceIdentity identity() {
        return identity;
    }

    SecurityGroupRules rules() {
        return rules;
    }

    void useRules(SecurityGroupRules current) {
        this.rules = current;
    }

    /** Wall-clock time of the last activity seen, for eviction. */
    Instant lastActivity() {
        return lastActivity;
    }

    void touch(Instant at) {
        if (lastActivity == null || at.isAfter(lastActivity)) {
            lastActivity = at;
        }
    }

    /** The detector's state for this device, created on first use. */
    @SuppressWarnings("unchecked")
    <S> S state(Detector detector, Supplier<S> initial) {
        return (S) states.computeIfAbsent(detector, key -> initial.get());
    }

    /**
     * Raises an alert on this device. {@code DeviceId} is appended to the extended properties and
     * the {@code iotdevice} entity put first, as in Defender's rows.
     */
    void raise(AlertDefinition definition, Instant occurredAt, String triggerKey, Map<String, String> extendedProperties,
            List<AlertEntity> entities) {
        Map<String, String> properties = new LinkedHashMap<>(extendedProperties);
        properties.put("DeviceId", identity.deviceId());
        List<AlertEntity> allEntities = new ArrayList<>();
        if (!identity.deviceId().isEmpty()) {
            allEntities.add(AlertEntity.iotDevice(identity.hubResourceId(), identity.deviceId()));
        }
        allEntities.addAll(entities);
        sink.raise(new AlertOccurrence(definition, identity.hubResourceId(), identity.deviceId(), occurredAt, triggerKey,
                properties, allEntities));
    }
}
