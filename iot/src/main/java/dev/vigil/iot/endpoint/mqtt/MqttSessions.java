package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 3.1.1 persistent sessions of devices and modules (CONNECT with cleanSession=0): which
 * IoT Hub subscriptions each holds, so that a reconnect with cleanSession=0 resumes them without
 * subscribing again, as MQTT 3.1.1 requires (section 3.1.2.4) and IoT Hub does. A CONNECT with
 * cleanSession=1 discards the session; deleting the device or module does too.
 *
 * <p>Why Vigil's own: twin answers, desired-property notifications, direct methods and
 * cloud-to-device messages do not pass through Moquette's broker, so its session state would not
 * restore them; and its sessions live in memory only. Here a session is kept in memory and, when
 * a state store is given, written behind to the collection {@code iot.mqtt-sessions} (the latest
 * change per session, one transaction per run, on the endpoint's storage thread), so a session
 * also survives a restart of the server. A write that fails is logged; that session then resumes
 * as it was before the change after a restart (devices that subscribe again lose nothing).
 */
public final class MqttSessions {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSessions.class);
    static final String COLLECTION = "iot.mqtt-sessions";

    /** A persistent session as stored: its key ({@code {hub}/{deviceId}[/{moduleId}]}) and the subscriptions it holds. */
    record StoredSession(String session, List<HubSubscription> subscriptions) {
    }

    private final StateStore state;
    private final DocumentCollection<StoredSession> store;
    /** Guarded by itself, as are {@link #unstored} and {@link #storing}. */
    private final Map<String, Set<HubSubscription>> sessions = new HashMap<>();
    /** Changes not yet written, the latest per session; empty for a discarded one. */
    private final Map<String, Optional<Set<HubSubscription>>> unstored = new LinkedHashMap<>();
    private boolean storing;
    private volatile Executor writer = Runnable::run;

    private MqttSessions(StateStore state) {
        this.state = state;
        this.store = state == null ? null : state.collection(COLLECTION, StoredSession.class);
        if (store != null) {
            store.list().forEach(stored -> sessions.put(stored.session(), copy(stored.subscriptions())));
        }
    }

    /** Sessions that last as long as the server runs. */
    public static MqttSessions inMemory() {
        return new MqttSessions(null);
    }

    /** Sessions kept in the state store, loaded now: they survive restarts. */
    public static MqttSessions stored(StateStore state) {
        return new MqttSessions(state);
    }

    /** Where the writes to the state store run (the endpoint's storage thread). */
    void writeWith(Executor executor) {
        this.writer = executor;
    }

    /** The subscriptions of the session a CONNECT with cleanSession=0 resumes; empty when there is none (the CONNECT starts one). */
    Optional<Set<HubSubscription>> resume(String session) {
        synchronized (sessions) {
            return Optional.ofNullable(sessions.get(session));
        }
    }

    /** A persistent session started or its subscriptions changed: kept for the next CONNECT with cleanSession=0. */
    void keep(String session, Set<HubSubscription> subscriptions) {
        Set<HubSubscription> kept = copy(subscriptions);
        synchronized (sessions) {
            if (kept.equals(sessions.put(session, kept))) {
                return;
            }
            changed(session, Optional.of(kept));
        }
    }

    /** A CONNECT with cleanSession=1, or a deleted module: the session ends. */
    void discard(String session) {
        synchronized (sessions) {
            if (sessions.remove(session) != null) {
                changed(session, Optional.empty());
            }
        }
    }

    /** A deleted device: its session and those of its modules end. */
    void discardWithModules(String hubName, String deviceId) {
        String device = DeviceTopics.sessionKey(hubName, deviceId);
        synchronized (sessions) {
            sessions.keySet().stream().filter(key -> key.equals(device) || key.startsWith(device + "/")).toList().forEach(this::discard);
        }
    }

    /** Called holding {@link #sessions}. */
    private void changed(String session, Optional<Set<HubSubscription>> change) {
        if (store == null) {
            return;
        }
        unstored.put(session, change);
        if (storing) {
            return;
        }
        storing = true;
        try {
            writer.execute(this::storeChanges);
        } catch (RejectedExecutionException e) {
            storing = false; // the endpoint is closing; the next start resumes the sessions as last stored
        }
    }

    private void storeChanges() {
        Map<String, Optional<Set<HubSubscription>>> batch;
        synchronized (sessions) {
            batch = new LinkedHashMap<>(unstored);
            unstored.clear();
            storing = false; // what changes from now on is written by the next run
        }
        try {
            state.transaction(() -> batch.forEach((session, change) -> {
                if (change.isPresent()) {
                    store.put(session, new StoredSession(session, List.copyOf(change.get())));
                } else {
                    store.delete(session);
                }
            }));
        } catch (RuntimeException e) {
            LOG.warn("could not store {} MQTT persistent session changes; after a restart those sessions resume as stored before", batch.size(), e);
        }
    }

    private static Set<HubSubscription> copy(Collection<HubSubscription> subscriptions) {
        return subscriptions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(subscriptions));
    }
}
