package dev.vigil.iot.twin;

import dev.vigil.iot.device.DeviceAddress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twins of devices and modules, kept in the {@link StateStore} (collection {@code iot.twins})
 * and mirrored in memory, so that a read never waits on storage. A twin is stored from its first
 * change; until then it reads as IoT Hub's empty twin.
 *
 * <p>Writes are serialised on this object and stored before the mirror changes and before
 * listeners hear of them. A device twin's tags are the registry's device tags too: string tags
 * written here go to the device (its {@code SecurityGroup} picks its security group), and tags
 * set through the registry come into the twin.
 */
public final class Twins {
    private static final Logger LOG = LoggerFactory.getLogger(Twins.class);

    private final StateStore state;
    private final DocumentCollection<Twin> store;
    private final IotRegistry registry;
    private final Clock clock;
    private final Map<String, Twin> twins = new ConcurrentHashMap<>();
    private final List<TwinChangeListener> listeners = new CopyOnWriteArrayList<>();

    public Twins(StateStore state, IotRegistry registry, Clock clock) {
        this.state = state;
        this.store = state.collection("iot.twins", Twin.class);
        this.registry = registry;
        this.clock = clock;
        store.list().forEach(twin -> twins.put(twin.target().key(), twin));
        registry.addDeviceChangeListener((before, after) -> {
            if (after.isEmpty()) {
                forget(DeviceAddress.device(before.hubName(), before.deviceId()));
            } else if (!after.get().tags().equals(before.tags())) {
                takeRegistryTags(after.get(), before.tags());
            }
        });
        registry.addModuleChangeListener((before, after) -> {
            if (after.isEmpty()) {
                forget(DeviceAddress.module(before.hubName(), before.deviceId(), before.moduleId()));
            }
        });
    }

    public void addListener(TwinChangeListener listener) {
        listeners.add(listener);
    }

    /**
     * The twin, or the empty twin when nothing was written to it yet (a device's holding the tags it
     * was created with). The caller checks that the device or module exists.
     */
    public Twin twin(DeviceAddress target) {
        Twin twin = twins.get(target.key());
        if (twin != null) {
            return twin;
        }
        ObjectNode tags = JsonNodeFactory.instance.objectNode();
        if (target.moduleId().isEmpty()) {
            registry.findDevice(target.hubName(), target.deviceId()).ifPresent(device -> device.tags().forEach(tags::put));
        }
        return Twin.empty(target, clock.instant(), tags);
    }

    /** The device's patch of its reported properties ({@code $iothub/twin/PATCH/properties/reported}). */
    public Twin patchReported(DeviceAddress target, JsonNode patch) {
        ReportedPatch.Outcome outcome = patchReported(List.of(new ReportedPatch(target, patch))).get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.twin();
    }

    /**
     * Devices' patches of their reported properties, stored in one transaction (one commit for
     * many devices is what keeps patches cheap under load). Each patch is checked on its own: a
     * refused one does not stop the others. Patches of the same twin apply in list order.
     *
     * @return an outcome per patch, in order
     */
    public List<ReportedPatch.Outcome> patchReported(List<ReportedPatch> patches) {
        List<ReportedPatch.Outcome> outcomes = new ArrayList<>(patches.size());
        synchronized (this) {
            Map<String, Twin> written = new LinkedHashMap<>();
            state.transaction(() -> {
                for (ReportedPatch patch : patches) {
                    try {
                        ObjectNode checked = checked("reported", patch.patch());
                        String key = patch.target().key();
                        Twin before = written.containsKey(key) ? written.get(key) : twin(patch.target());
                        TwinProperties reported = before.reported().patched(checked, clock.instant(), false);
                        TwinLimits.checkSize("reported properties", reported.properties());
                        Twin after = before.withReported(reported);
                        store.put(key, after);
                        written.put(key, after);
                        outcomes.add(new ReportedPatch.Outcome(after, null));
                    } catch (TwinException e) {
                        outcomes.add(new ReportedPatch.Outcome(null, e));
                    }
                }
            });
            // only once committed do readers see the patches
            twins.putAll(written);
        }
        return outcomes;
    }

    /**
     * The service's patch of tags and desired properties, in one change of the twin.
     *
     * @param ifMatch the etag the caller read, or {@code *} or empty for any
     * @throws TwinEtagMismatchException when the twin changed since
     */
    public Twin update(DeviceAddress target, TwinUpdate update, Optional<String> ifMatch) {
        Optional<ObjectNode> tags = update.tags().map(t -> checked("tags", t));
        Optional<ObjectNode> desired = update.desired().map(d -> checked("desired", d));
        Twin saved;
        ObjectNode notification = null;
        boolean tagsChanged = false;
        synchronized (this) {
            Twin twin = twin(target);
            requireEtag(twin, ifMatch);
            Instant now = clock.instant();
            if (tags.isPresent() && !tags.get().isEmpty()) {
                ObjectNode merged = twin.tags().deepCopy();
                tags.get().fields().forEachRemaining(field -> {
                    if (field.getValue().isNull()) {
                        merged.remove(field.getKey());
                    } else {
                        merged.set(field.getKey(), field.getValue().deepCopy());
                    }
                });
                TwinLimits.checkSize("tags", merged);
                twin = twin.withTags(merged);
                tagsChanged = true;
            }
            if (desired.isPresent() && !desired.get().isEmpty()) {
                TwinProperties patched = twin.desired().patched(desired.get(), now, true);
                TwinLimits.checkSize("desired properties", patched.properties());
                twin = twin.withDesired(patched);
                notification = desired.get().deepCopy();
                notification.put("$version", patched.version());
            }
            saved = twin.version() == twin(target).version() ? twin : save(twin);
        }
        if (tagsChanged && target.moduleId().isEmpty()) {
            // outside this object's lock: the registry calls back into it while holding its own
            registry.findHub(target.hubName()).ifPresent(hub -> registry.setTags(hub, target.deviceId(), stringChangesOnly(saved)));
        }
        if (notification != null) {
            for (TwinChangeListener listener : listeners) {
                try {
                    listener.desiredPropertiesChanged(saved, notification);
                } catch (RuntimeException e) {
                    LOG.warn("twin listener {} failed for {}", listener.getClass().getSimpleName(), target, e);
                }
            }
        }
        return saved;
    }

    private Twin save(Twin twin) {
        store.put(twin.target().key(), twin);
        twins.put(twin.target().key(), twin);
        return twin;
    }

    private synchronized void forget(DeviceAddress target) {
        if (twins.remove(target.key()) != null) {
            store.delete(target.key());
        }
        if (target.moduleId().isEmpty()) {
            // a deleted device takes its modules' twins along; the registry reports their deletion too
            String prefix = target.key() + "/";
            twins.keySet().stream().filter(key -> key.startsWith(prefix)).toList().forEach(key -> {
                twins.remove(key);
                store.delete(key);
            });
        }
    }

    /** Tags set through the registry ({@code PUT device}, {@code PATCH .../tags}) come into the device's twin. */
    private synchronized void takeRegistryTags(Device device, Map<String, String> previous) {
        DeviceAddress target = DeviceAddress.device(device.hubName(), device.deviceId());
        Twin twin = twin(target);
        ObjectNode tags = twin.tags().deepCopy();
        // a tag the registry dropped leaves the twin only if it was a string there: the twin may hold it as an object now
        previous.keySet().stream().filter(name -> !device.tags().containsKey(name) && tags.path(name).isTextual()).forEach(tags::remove);
        device.tags().forEach(tags::put);
        if (!tags.equals(twin.tags())) {
            save(twin.withTags(tags));
        }
    }

    /** The twin's string tags, with nulls for the registry's tags the twin no longer holds as strings. */
    private Map<String, String> stringChangesOnly(Twin twin) {
        Map<String, String> changes = new HashMap<>();
        registry.findDevice(twin.hubName(), twin.deviceId()).ifPresent(device -> device.tags().keySet().forEach(name -> changes.put(name, null)));
        twin.tags().fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                changes.put(field.getKey(), field.getValue().asText());
            }
        });
        return changes;
    }

    private static void requireEtag(Twin twin, Optional<String> ifMatch) {
        Optional<String> wanted = ifMatch.map(String::strip).map(etag -> etag.replaceAll("^W/", "").replace("\"", "")).filter(etag -> !etag.isEmpty());
        if (wanted.isPresent() && !wanted.get().equals("*") && !wanted.get().equals(twin.etag())) {
            throw new TwinEtagMismatchException(wanted.get(), twin.etag());
        }
    }

    /** The patch checked against IoT Hub's rules, without the read-only keys a client may echo from a twin it read. */
    private static ObjectNode checked(String section, JsonNode patch) {
        if (patch != null && patch.isObject()) {
            ObjectNode copy = ((ObjectNode) patch).deepCopy();
            TwinProperties.READ_ONLY_KEYS.forEach(copy::remove);
            TwinLimits.checkPatch(section, copy);
            return copy;
        }
        TwinLimits.checkPatch(section, patch);
        throw new IllegalStateException("unreachable: checkPatch refuses a patch that is not an object");
    }
}
