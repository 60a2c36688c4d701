package dev.vigil.iot.alert;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The IoT alerts of all hubs: turns detector occurrences into alerts, merges repeats, changes
 * the lifecycle status, and publishes every new alert and every change on the {@link AlertFeed}.
 *
 * <p>The feed is the record of truth; the current alerts and the index of open alerts are views
 * of it, written in the same state-store transaction. One instance owns the collections of a
 * store; its methods are serialised. It keeps the open-alert index, and the current version of
 * each open alert, in memory as well, so a repeat costs writes only, no reads.
 */
public final class IotAlerts {
    static final String ALERTS = "iot-alerts";
    static final String OPEN = "iot-alert-open";
    /** The current alerts again, keyed {@code {subscription}/{newest first}/{alertId}} so that a subscription's list is a range. */
    static final String LISTED = "iot-alert-list";
    /** Alerts looked at per {@link #page} call at most, so that a selective filter still answers quickly. */
    static final int MAX_PAGE_SCAN = 10_000;

    private final StateStoreAlertFeed feed;
    private final DocumentCollection<IotAlert> alerts;
    private final DocumentCollection<OpenAlert> open;
    private final DocumentCollection<IotAlert> listed;
    private final StateStore store;
    /** The stored open-alert index, by open key. */
    private final Map<String, OpenAlert> openIndex = new HashMap<>();
    /** Current versions of the alerts the index names, read on first use. */
    private final Map<String, IotAlert> openAlerts = new HashMap<>();
    private final Clock clock;
    private final Duration dedupWindow;
    private final AtomicLong createdAlerts = new AtomicLong();
    private final AtomicLong repeatedOccurrences = new AtomicLong();

    private IotAlerts(StateStore store, Clock clock, Duration dedupWindow) {
        this.feed = new StateStoreAlertFeed(store);
        this.alerts = store.collection(ALERTS, IotAlert.class);
        this.open = store.collection(OPEN, OpenAlert.class);
        this.listed = store.collection(LISTED, IotAlert.class);
        this.store = store;
        this.clock = clock;
        this.dedupWindow = dedupWindow;
        recoverViews();
        if (listed.listAfter("", 1).isEmpty()) {
            // A store from before the listing view: build it once.
            store.transaction(() -> alerts.list().forEach(alert -> listed.put(listKey(alert), alert)));
        }
        for (OpenAlert known : open.list()) {
            IotAlert alert = alerts.get(known.alertId()).orElse(null);
            if (alert != null) {
                openIndex.put(openKey(alert.hubResourceId(), alert.deviceId(), alert.alertType()), known);
            }
        }
    }

    /**
     * Opens the alerts kept in {@code store}.
     *
     * @param dedupWindow repeats of an alert type on a device less than this after the alert's
     *     first occurrence are merged into it, while it is New or InProgress
     */
    public static IotAlerts open(StateStore store, Clock clock, Duration dedupWindow) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        if (dedupWindow.isNegative() || dedupWindow.isZero()) {
            throw new IllegalArgumentException("the dedup window must be positive, was " + dedupWindow);
        }
        return new IotAlerts(store, clock, dedupWindow);
    }

    /** The feed of new alerts and changes, for the data connector. */
    public AlertFeed feed() {
        return feed;
    }

    /** Alerts created since this instance was opened. */
    public long createdCount() {
        return createdAlerts.get();
    }

    /** Occurrences merged into an open alert since this instance was opened (replays not counted). */
    public long repeatedCount() {
        return repeatedOccurrences.get();
    }

    public synchronized Optional<IotAlert> get(String alertId) {
        IotAlert cached = openAlerts.get(alertId);
        return cached != null ? Optional.of(cached) : alerts.get(alertId);
    }

    /** Every alert, current version, ordered by id. */
    public List<IotAlert> list() {
        return alerts.list();
    }

    /**
     * A page of the subscription's alerts that {@code wanted} accepts, newest first (start time,
     * then id), reading only the part of the list the page needs.
     *
     * @param after the {@link AlertPage#next} of the previous page; empty for the first
     * @throws IllegalArgumentException if {@code after} is not a position in this subscription's list
     */
    public AlertPage page(String subscriptionId, Predicate<IotAlert> wanted, int top, Optional<String> after) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, was " + top);
        }
        String prefix = subscriptionId.toLowerCase(Locale.ROOT) + "/";
        String position = after.map(token -> new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).orElse(prefix);
        if (!position.startsWith(prefix)) {
            throw new IllegalArgumentException("the skip token does not belong to subscription '" + subscriptionId + "'");
        }
        List<IotAlert> page = new ArrayList<>();
        int scanned = 0;
        while (scanned < MAX_PAGE_SCAN) {
            List<IotAlert> chunk = listed.listAfter(position, Math.min(Math.max(top, 100), MAX_PAGE_SCAN - scanned));
            for (IotAlert alert : chunk) {
                String key = listKey(alert);
                if (!key.startsWith(prefix)) {
                    return new AlertPage(page, Optional.empty());
                }
                position = key;
                scanned++;
                if (wanted.test(alert)) {
                    page.add(alert);
                    if (page.size() == top) {
                        return new AlertPage(page, Optional.of(token(position)));
                    }
                }
            }
            if (chunk.isEmpty()) {
                return new AlertPage(page, Optional.empty());
            }
        }
        return new AlertPage(page, Optional.of(token(position)));
    }

    /** {@code sub} of {@code /subscriptions/{sub}/resourceGroups/...}; {@code ""} if the id has none. */
    public static String subscriptionOf(String hubResourceId) {
        String[] segments = hubResourceId.split("/");
        return segments.length > 2 && segments[1].equalsIgnoreCase("subscriptions") ? segments[2] : "";
    }

    private static String listKey(IotAlert alert) {
        long newestFirst = Long.MAX_VALUE - alert.startTime().toEpochMilli();
        return subscriptionOf(alert.hubResourceId()).toLowerCase(Locale.ROOT) + "/" + String.format("%019d", newestFirst) + "/" + alert.alertId();
    }

    private static String token(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Changes an alert's status. Asking for the status it already has changes nothing and
     * publishes nothing.
     *
     * @throws AlertNotFoundException if no alert has this id
     * @throws InvalidAlertStatusTransitionException if the lifecycle does not allow the change
     */
    public synchronized IotAlert changeStatus(String alertId, AlertStatus status) {
        Objects.requireNonNull(status, "status");
        IotAlert current = get(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
        if (current.status() == status) {
            return current;
        }
        if (!current.status().allowedNext().contains(status)) {
            throw new InvalidAlertStatusTransitionException(alertId, current.status(), status);
        }
        Instant now = clock.instant();
        IotAlert changed = current.withStatus(status, now);
        inTransaction(() -> publish(changed, now, AlertChangeKind.STATUS_CHANGED));
        return changed;
    }

    /**
     * Creates an alert, or merges the occurrence into the open alert of the same type on the
     * same device. Returns once the result is durable.
     */
    public IotAlert raise(AlertOccurrence occurrence) {
        return raiseAll(List.of(occurrence)).get(0);
    }

    /**
     * {@link #raise} for several occurrences, in order, in one state-store transaction: what
     * keeps alerting cheap while the log store is busy ingesting.
     *
     * @return the alert each occurrence ended up in, in the same order
     */
    public synchronized List<IotAlert> raiseAll(List<AlertOccurrence> occurrences) {
        List<IotAlert> results = new ArrayList<>(occurrences.size());
        inTransaction(() -> {
            for (AlertOccurrence occurrence : occurrences) {
                results.add(raiseOne(occurrence));
            }
        });
        return results;
    }

    /** Runs {@code work} in one state-store transaction; if it fails, nothing was committed and the memory goes back to what is stored. */
    private void inTransaction(Runnable work) {
        Map<String, OpenAlert> indexBefore = new HashMap<>(openIndex);
        Map<String, IotAlert> alertsBefore = new HashMap<>(openAlerts);
        long lastBefore = feed.lastSequence();
        long createdBefore = createdAlerts.get();
        long repeatedBefore = repeatedOccurrences.get();
        try {
            store.transaction(work);
        } catch (RuntimeException e) {
            openIndex.clear();
            openIndex.putAll(indexBefore);
            openAlerts.clear();
            openAlerts.putAll(alertsBefore);
            feed.rollBackTo(lastBefore);
            createdAlerts.set(createdBefore);
            repeatedOccurrences.set(repeatedBefore);
            throw e;
        }
        feed.committed();
    }

    private IotAlert raiseOne(AlertOccurrence occurrence) {
        String key = openKey(occurrence.hubResourceId(), occurrence.deviceId(), occurrence.definition().alertType());
        OpenAlert known = openIndex.get(key);
        if (known != null) {
            IotAlert current = get(known.alertId()).orElseThrow(
                    () -> new IllegalStateException("the open alert index names '" + known.alertId() + "', which does not exist"));
            if (known.hasSeen(occurrence.triggerKey())) {
                return current;
            }
            if (current.status().isActive() && withinWindow(current.startTime(), occurrence.occurredAt())) {
                Instant now = clock.instant();
                IotAlert repeated = current.withRepeat(occurrence.occurredAt(), now);
                publish(repeated, now, AlertChangeKind.REPEATED);
                repeatedOccurrences.incrementAndGet();
                index(key, known.withTrigger(occurrence.triggerKey()), repeated);
                return repeated;
            }
        }
        String alertId = alertId(occurrence);
        Optional<IotAlert> existing = get(alertId);
        if (existing.isPresent()) {
            // The very occurrence that created this alert, seen again.
            return existing.get();
        }
        Instant now = clock.instant();
        IotAlert created = create(alertId, occurrence, now);
        publish(created, now, AlertChangeKind.CREATED);
        createdAlerts.incrementAndGet();
        if (known != null) {
            openAlerts.remove(known.alertId());
        }
        index(key, new OpenAlert(alertId, List.of(occurrence.triggerKey())), created);
        return created;
    }

    private void index(String key, OpenAlert known, IotAlert current) {
        open.put(key, known);
        openIndex.put(key, known);
        openAlerts.put(current.alertId(), current);
    }

    /**
     * The id of the alert an occurrence creates: a name-based UUID of hub, device, type, event
     * time and trigger, so a replay of the same events yields the same ids.
     */
    static String alertId(AlertOccurrence occurrence) {
        String name = String.join("\n", occurrence.hubResourceId().toLowerCase(Locale.ROOT), occurrence.deviceId(),
                occurrence.definition().alertType(), occurrence.occurredAt().toString(), occurrence.triggerKey());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private boolean withinWindow(Instant start, Instant occurredAt) {
        return Duration.between(start, occurredAt).abs().compareTo(dedupWindow) < 0;
    }

    private static IotAlert create(String alertId, AlertOccurrence occurrence, Instant now) {
        AlertDefinition definition = occurrence.definition();
        return new IotAlert(alertId, occurrence.hubResourceId(), occurrence.deviceId(), definition.alertType(),
                definition.displayName(), definition.description(), definition.severity(), definition.remediationSteps(),
                occurrence.occurredAt(), occurrence.occurredAt(), occurrence.extendedProperties(), occurrence.entities(),
                1, AlertStatus.NEW, now, now);
    }

    private void publish(IotAlert alert, Instant now, AlertChangeKind kind) {
        feed.append(alert, now, kind);
        alerts.put(alert.alertId(), alert);
        listed.put(listKey(alert), alert);
        openAlerts.computeIfPresent(alert.alertId(), (id, previous) -> alert);
    }

    /** A crash may fall between writing a version and rewriting the views (stores from before views were written in one transaction): redo the newest. */
    private void recoverViews() {
        feed.newest().ifPresent(version -> {
            IotAlert alert = version.alert();
            alerts.put(alert.alertId(), alert);
            listed.put(listKey(alert), alert);
            if (version.changeKind() == AlertChangeKind.CREATED) {
                String key = openKey(alert.hubResourceId(), alert.deviceId(), alert.alertType());
                boolean indexed = open.get(key).map(known -> known.alertId().equals(alert.alertId())).orElse(false);
                if (!indexed) {
                    open.put(key, new OpenAlert(alert.alertId(), List.of()));
                }
            }
        });
    }

    private static String openKey(String hubResourceId, String deviceId, String alertType) {
        return hubResourceId.toLowerCase(Locale.ROOT) + "|" + deviceId + "|" + alertType;
    }
}
