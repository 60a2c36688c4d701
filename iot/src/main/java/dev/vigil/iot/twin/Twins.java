package dev.vigil.iot.twin;

import dev.vigil.iot.device.DeviceAddress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.nio.file.Path;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twins of devices and modules, kept in the {@link StateStore} (collection {@code iot.twins})
 * and mirrored in memory, so that a read never waits on storage. A twin is stored from its first
 * change; until then it reads as IoT Hub's empty twin.
 *
 * <p>Writes are serialised on this object and made durable in the {@link TwinJournal} before the
 * mirror changes and before listeners hear of them; the state store gets them right after, from
 * a thread of its own (write-behind), and a start replays what the journal holds that the store
 * may not. A device twin's tags are the registry's device tags too: string tags written here go
 * to the device (its {@code SecurityGroup} picks its security group), and tags set through the
 * registry come into the twin.
 */
public final class Twins implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Twins.class);
    /** The journal is emptied once the store has caught up and it has grown past this. */
    private static final long JOURNAL_CLEAR_BYTES = 1 << 20;
    private static final long STORE_RETRY_SECONDS = 5;
    /**
     * How long the write-behind waits before it stores what is journaled: changes arriving
     * meanwhile share its commit (the latest per twin only), so a busy fleet costs a few store
     * commits a second, whose CPU and disk writes would otherwise slow the journal's own writes.
     */
    private static final long WRITE_BEHIND_DELAY_MILLIS = 250;

    private final StateStore state;
    private final DocumentCollection<Twin> store;
    private final IotRegistry registry;
    private final Clock clock;
    private final Map<String, Twin> twins = new ConcurrentHashMap<>();
    private final List<TwinChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final TwinJournal journal;
    /** Journaled changes the store does not hold yet, the latest per twin. Guarded by this. */
    private final Map<String, TwinJournal.Entry> unstored = new LinkedHashMap<>();
    /** Whether a write-behind run is queued or running. Guarded by this. */
    private boolean storing;
    private final ScheduledExecutorService writeBehind = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-twin-store");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param journalFile the twins' write-ahead journal; what an earlier run left in it is replayed
     *     over the stored twins (and stored) before this returns
     */
    public Twins(StateStore state, IotRegistry registry, Clock clock, Path journalFile) {
        this.state = state;
        this.store = state.collection("iot.twins", Twin.class);
        this.registry = registry;
        this.clock = clock;
        this.journal = TwinJournal.open(journalFile);
        store.list().forEach(twin -> twins.put(twin.target().key(), twin));
        recoverJournaled();
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
            for (ReportedPatch patch : patches) {
                try {
                    ObjectNode checked = checked("reported", patch.patch());
                    String key = patch.target().key();
                    Twin before = written.containsKey(key) ? written.get(key) : twin(patch.target());
                    TwinProperties reported = before.reported().patched(checked, clock.instant(), false);
                    TwinLimits.checkSize("reported properties", reported.properties());
                    Twin after = before.withReported(reported);
                    written.put(key, after);
                    outcomes.add(new ReportedPatch.Outcome(after, null));
                } catch (TwinException e) {
                    outcomes.add(new ReportedPatch.Outcome(null, e));
                }
            }
            // one journal write for the lot; only once it is durable do readers see the patches
            journal(written.entrySet().stream().map(entry -> new TwinJournal.Entry(entry.getKey(), entry.getValue())).toList());
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

    /**
     * Stops the write-behind after it has stored what is journaled, then empties the journal, so
     * that a clean restart replays nothing; what could not be stored stays journaled and the next
     * start replays it (as after a crash).
     */
    @Override
    public void close() {
        writeBehind.shutdown();
        try {
            if (!writeBehind.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the twins' write-behind did not finish within 30 s; the next start replays the journal");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            storing = true; // no new run: none could be queued now
        }
        storeJournaled();
        synchronized (this) {
            if (unstored.isEmpty() && writeBehind.isTerminated()) {
                journal.clear();
            }
            journal.close();
        }
    }

    private Twin save(Twin twin) {
        journal(List.of(new TwinJournal.Entry(twin.target().key(), twin)));
        twins.put(twin.target().key(), twin);
        return twin;
    }

    private synchronized void forget(DeviceAddress target) {
        List<String> removed = new ArrayList<>();
        if (twins.containsKey(target.key())) {
            removed.add(target.key());
        }
        if (target.moduleId().isEmpty()) {
            // a deleted device takes its modules' twins along; the registry reports their deletion too
            String prefix = target.key() + "/";
            twins.keySet().stream().filter(key -> key.startsWith(prefix)).forEach(removed::add);
        }
        if (!removed.isEmpty()) {
            journal(removed.stream().map(key -> new TwinJournal.Entry(key, null)).toList());
            removed.forEach(twins::remove);
        }
    }

    /** Makes the changes durable and hands them to the write-behind. Called holding this object's lock. */
    private void journal(List<TwinJournal.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        journal.append(entries);
        entries.forEach(entry -> unstored.put(entry.key(), entry));
        if (!storing) {
            storing = true;
            writeBehind.schedule(this::storeJournaled, WRITE_BEHIND_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The write-behind: stores what is journaled in one commit; what was journaled meanwhile waits
     * for the next run, and once nothing waits the journal is emptied if it has grown. A failed
     * store write is tried again later (the journal keeps the change).
     */
    private void storeJournaled() {
        List<TwinJournal.Entry> batch;
        synchronized (this) {
            batch = new ArrayList<>(unstored.values());
            unstored.clear();
        }
        long delay = WRITE_BEHIND_DELAY_MILLIS;
        try {
            if (!batch.isEmpty()) {
                storeAll(batch);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not store {} journaled twin changes; trying again in {} s (the journal keeps them)", batch.size(), STORE_RETRY_SECONDS, e);
            delay = TimeUnit.SECONDS.toMillis(STORE_RETRY_SECONDS);
            synchronized (this) {
                // a change journaled meanwhile is newer than the one that failed
                batch.forEach(entry -> unstored.putIfAbsent(entry.key(), entry));
            }
        }
        synchronized (this) {
            if (unstored.isEmpty()) {
                storing = false;
                if (journal.size() > JOURNAL_CLEAR_BYTES) {
                    journal.clear();
                }
            } else if (!writeBehind.isShutdown()) {
                writeBehind.schedule(this::storeJournaled, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void storeAll(List<TwinJournal.Entry> entries) {
        state.transaction(() -> entries.forEach(entry -> {
            if (entry.twin() == null) {
                store.delete(entry.key());
            } else {
                store.put(entry.key(), entry.twin());
            }
        }));
    }

    /** What an earlier run journaled goes over the stored twins, into the store, and out of the journal. */
    private void recoverJournaled() {
        Map<String, TwinJournal.Entry> latest = new LinkedHashMap<>();
        journal.replay().forEach(entry -> latest.put(entry.key(), entry));
        if (latest.isEmpty()) {
            return;
        }
        storeAll(List.copyOf(latest.values()));
        latest.values().forEach(entry -> {
            if (entry.twin() == null) {
                twins.remove(entry.key());
            } else {
                twins.put(entry.key(), entry.twin());
            }
        });
        journal.clear();
        LOG.info("replayed {} journaled twin changes into the state store", latest.size());
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
