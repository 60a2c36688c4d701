package dev.vigil.iot.alert;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The IoT alerts of all hubs: turns detector occurrences into alerts, merges repeats, changes
 * the lifecycle status, and publishes every new alert and every change on the {@link AlertFeed}.
 *
 * <p>The feed is the record of truth and is written first; the current alerts and the index of
 * open alerts are views of it, rewritten from the newest version when the store is reopened.
 * One instance owns the collections of a store; its methods are serialised.
 */
public final class IotAlerts implements AlertSink {
    static final String ALERTS = "iot-alerts";
    static final String OPEN = "iot-alert-open";

    private final StateStoreAlertFeed feed;
    private final DocumentCollection<IotAlert> alerts;
    private final DocumentCollection<OpenAlert> open;
    private final Clock clock;
    private final Duration dedupWindow;
    private final AtomicLong createdAlerts = new AtomicLong();
    private final AtomicLong repeatedOccurrences = new AtomicLong();

    private IotAlerts(StateStore store, Clock clock, Duration dedupWindow) {
        this.feed = new StateStoreAlertFeed(store);
        this.alerts = store.collection(ALERTS, IotAlert.class);
        this.open = store.collection(OPEN, OpenAlert.class);
        this.clock = clock;
        this.dedupWindow = dedupWindow;
        recoverViews();
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

    public Optional<IotAlert> get(String alertId) {
        return alerts.get(alertId);
    }

    /** Every alert, current version, ordered by id. */
    public List<IotAlert> list() {
        return alerts.list();
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
        IotAlert current = alerts.get(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
        if (current.status() == status) {
            return current;
        }
        if (!current.status().allowedNext().contains(status)) {
            throw new InvalidAlertStatusTransitionException(alertId, current.status(), status);
        }
        Instant now = clock.instant();
        IotAlert changed = current.withStatus(status, now);
        publish(changed, now, AlertChangeKind.STATUS_CHANGED);
        return changed;
    }

    @Override
    public synchronized IotAlert raise(AlertOccurrence occurrence) {
        String key = openKey(occurrence.hubResourceId(), occurrence.deviceId(), occurrence.definition().alertType());
        Optional<OpenAlert> openAlert = open.get(key);
        if (openAlert.isPresent()) {
            OpenAlert known = openAlert.get();
            IotAlert current = alerts.get(known.alertId()).orElseThrow(
                    () -> new IllegalStateException("the open alert index names '" + known.alertId() + "', which does not exist"));
            if (known.hasSeen(occurrence.triggerKey())) {
                return current;
            }
            if (current.status().isActive() && withinWindow(current.startTime(), occurrence.occurredAt())) {
                Instant now = clock.instant();
                IotAlert repeated = current.withRepeat(occurrence.occurredAt(), now);
                publish(repeated, now, AlertChangeKind.REPEATED);
                repeatedOccurrences.incrementAndGet();
                open.put(key, known.withTrigger(occurrence.triggerKey()));
                return repeated;
            }
        }
        String alertId = alertId(occurrence);
        Optional<IotAlert> existing = alerts.get(alertId);
        if (existing.isPresent()) {
            // The very occurrence that created this alert, seen again.
            return existing.get();
        }
        Instant now = clock.instant();
        IotAlert created = create(alertId, occurrence, now);
        publish(created, now, AlertChangeKind.CREATED);
        createdAlerts.incrementAndGet();
        open.put(key, new OpenAlert(alertId, List.of(occurrence.triggerKey())));
        return created;
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
    }

    /** A crash may fall between writing a version and rewriting the views: redo the newest. */
    private void recoverViews() {
        feed.newest().ifPresent(version -> {
            IotAlert alert = version.alert();
            alerts.put(alert.alertId(), alert);
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
