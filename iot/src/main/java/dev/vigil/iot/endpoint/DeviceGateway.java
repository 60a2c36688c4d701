package dev.vigil.iot.endpoint;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.auth.DeviceAuthenticator;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.dedup.EventClaim;
import dev.vigil.iot.dedup.RecentEventIds;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.MessageRefusal;
import dev.vigil.iot.message.InvalidSecurityMessageException;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import dev.vigil.iot.message.SecurityMessageValidator;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.routing.MessageRouter;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol-neutral intake of device-to-cloud messages, shared by the HTTPS and MQTT endpoints.
 *
 * <p>A message over 256 KB is refused. Every other message counts toward the hub's statistics,
 * except a security message re-sent whole. A message that is not a security message of a hub with
 * monitoring on is telemetry: the hub's routes take it ({@link MessageRouter}), and it is answered once
 * its routed rows are committed. A security message of a hub with monitoring on is
 * validated; its collected events not received before are stored in the hub's workspace and,
 * once committed, handed to the detection engine. The returned future completes only after that
 * commit, so an endpoint that acknowledges on completion never acknowledges what could be lost.
 */
public final class DeviceGateway {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceGateway.class);
    private final IotRegistry registry;
    private final DeviceAuthenticator authenticator;
    private final LogStore logStore;
    private final DeviceActivityListener listener;
    private final Clock clock;
    private final SecurityMessageValidator validator = new SecurityMessageValidator();
    private final IntakeCounters counters = new IntakeCounters();
    private final RecentEventIds recentEventIds;
    private final MessageRouter router;

    /** @param router routes the messages that are not security messages of a hub with monitoring on */
    public DeviceGateway(IotRegistry registry, DeviceAuthenticator authenticator, LogStore logStore, DeviceActivityListener listener,
            RecentEventIds recentEventIds, MessageRouter router, Clock clock) {
        this.router = router;
        this.registry = registry;
        this.authenticator = authenticator;
        this.logStore = logStore;
        this.listener = listener;
        this.recentEventIds = recentEventIds;
        this.clock = clock;
    }

    public DeviceAuthenticator authenticator() {
        return authenticator;
    }

    public IntakeCounters counters() {
        return counters;
    }

    /** The event ids of the deduplication window. */
    public RecentEventIds recentEventIds() {
        return recentEventIds;
    }

    /**
     * Takes one message. Throws {@link DeviceMessageRefusedException} for a message over
     * {@link DeviceMessage#MAX_BYTES} (reported as a refusal; nothing taken),
     * {@link dev.vigil.workspace.api.WorkspaceException} when storage cannot take the events now,
     * and {@link SecurityMonitoringUnavailableException} when the hub's workspace cannot take them
     * at all (nothing was stored either way; the device should retry).
     *
     * <p>A security message's events are checked against the events the device sent within the
     * deduplication window: copies are dropped, and a message of nothing but copies is answered
     * {@link MessageOutcome.Duplicate} once the originals are stored, without counting it.
     */
    public CompletableFuture<MessageOutcome> receive(DeviceMessage message) {
        Instant receivedAt = clock.instant();
        AuthenticatedDevice sender = current(message.device());
        DeviceIdentity identity = sender.identity();
        long size = message.size();
        if (size > DeviceMessage.MAX_BYTES) {
            throw refuse(sender, MessageRefusal.MESSAGE_TOO_LARGE, tooLarge(size + " bytes"), message.sourceAddress());
        }
        boolean security = message.isSecurityMessage();
        HubSecuritySettings settings = sender.hub().security();
        if (!security || !settings.monitoringEnabled()) {
            counted(identity, message, security, receivedAt);
            return routed(sender, message, receivedAt).thenApply(endpoints -> new MessageOutcome.Accepted(0));
        }
        SecurityMessage validated;
        try {
            validated = validator.validate(message.body());
        } catch (InvalidSecurityMessageException e) {
            counted(identity, message, true, receivedAt);
            counters.dropped(identity.hubName(), identity.deviceId());
            return CompletableFuture.completedFuture(new MessageOutcome.Rejected(e));
        }
        SecurityMessage collected = collectedEvents(validated, settings);
        EventClaim claim = recentEventIds.claim(identity.hubName(), identity.deviceId(), collected.events());
        if (claim.onlyDuplicates()) {
            claim.stored();
            return claim.originalsStored().thenApply(ignored -> new MessageOutcome.Duplicate(claim.duplicates()));
        }
        counted(identity, message, true, receivedAt);
        SecurityMessage fresh = withEvents(collected, claim.fresh());
        if (fresh.events().isEmpty()) {
            claim.stored();
            return CompletableFuture.completedFuture(new MessageOutcome.Accepted(0));
        }
        if (!settings.storesRawEvents()) {
            claim.stored();
            listener.securityMessage(identity, fresh, message.protocol(), receivedAt);
            return claim.originalsStored().thenApply(ignored -> new MessageOutcome.Accepted(0));
        }
        CompletableFuture<IngestReceipt> ingested;
        try {
            List<Map<String, Object>> rows = RawEventRows.of(identity, fresh, receivedAt);
            ingested = storeRawEvents(sender.hub(), rows);
        } catch (RuntimeException e) {
            claim.abandoned(e);
            throw e;
        }
        CompletableFuture<MessageOutcome> stored = ingested.handle((receipt, failure) -> {
            if (failure != null) {
                claim.abandoned(failure);
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            claim.stored();
            listener.securityMessage(identity, fresh, message.protocol(), receivedAt);
            return new MessageOutcome.Accepted(receipt.rowsCommitted());
        });
        // Copies of events still being stored by another message are acknowledged only once those are.
        return stored.thenCombine(claim.originalsStored(), (outcome, ignored) -> outcome);
    }

    /** Routes telemetry by the hub's routes; completes once the routed rows are committed. */
    private CompletableFuture<List<String>> routed(AuthenticatedDevice sender, DeviceMessage message, Instant receivedAt) {
        Map<String, String> system = new HashMap<>(message.systemProperties());
        message.interfaceId().ifPresent(id -> system.put(DeviceMessage.INTERFACE_ID_PROPERTY, id));
        return router.route(sender.address(), system, message.applicationProperties(), message.body(), receivedAt);
    }

    /**
     * Reports a message refused before it was read whole (e.g. an MQTT PUBLISH with QoS 2, or an
     * HTTPS body announcing more than {@link DeviceMessage#MAX_BYTES}), and returns the exception
     * that says why, for the endpoint to answer with or to close on.
     */
    public DeviceMessageRefusedException refuse(AuthenticatedDevice device, MessageRefusal reason, String detail, String sourceAddress) {
        IotHub hub = device.hub();
        listener.refused(new DeviceRefusal(hub.hostName(authenticator.domain()), Optional.of(hub.resourceId()), device.device().deviceId(),
                device.moduleId(), reason, detail, sourceAddress, clock.instant()));
        return new DeviceMessageRefusedException(reason, detail);
    }

    /** The detail of a {@link MessageRefusal#MESSAGE_TOO_LARGE} refusal, e.g. for {@code "300000 bytes"}. */
    public static String tooLarge(String size) {
        return "the message is " + size + "; IoT Hub takes at most " + DeviceMessage.MAX_BYTES + " bytes of body and properties";
    }

    /**
     * Records on the device that a security message was dropped (MQTT has no way to tell the
     * device): an operational {@code SecurityIoTRawEvent} row, when the hub stores raw events.
     */
    public CompletableFuture<Void> recordDropped(AuthenticatedDevice device, InvalidSecurityMessageException error, String protocol) {
        AuthenticatedDevice sender = current(device);
        HubSecuritySettings settings = sender.hub().security();
        if (!settings.storesRawEvents()) {
            return CompletableFuture.completedFuture(null);
        }
        var row = RawEventRows.droppedMessage(sender.identity(), error, protocol, clock.instant());
        return storeRawEvents(sender.hub(), List.of(row)).thenApply(receipt -> null);
    }

    /**
     * Writes raw event rows to the hub's workspace. A workspace that is gone (or lacks the table)
     * is the hub's set-up at fault: the device gets a refusal that names no workspace, the log the
     * details.
     */
    private CompletableFuture<IngestReceipt> storeRawEvents(IotHub hub, List<Map<String, Object>> rows) {
        String workspace = hub.security().workspace();
        try {
            return logStore.ingest(workspace, RawEventRows.TABLE, rows);
        } catch (WorkspaceNotFoundException | TableNotFoundException e) {
            LOG.warn("IoT hub '{}' stores raw events in workspace '{}', which cannot take them ({}); its security messages are refused until its security settings are fixed",
                    hub.name(), workspace, e.getMessage());
            throw new SecurityMonitoringUnavailableException(hub.name());
        }
    }

    /** The hub and device as they are now: settings and tags may have changed since the device connected. */
    private AuthenticatedDevice current(AuthenticatedDevice connected) {
        IotHub hub = registry.findHub(connected.hub().name()).orElse(connected.hub());
        Device device = registry.findDevice(hub.name(), connected.device().deviceId()).orElse(connected.device());
        return new AuthenticatedDevice(hub, device, registry.identity(hub, device), connected.module());
    }

    /** Counts the message toward the hub's statistics and the device's counters. */
    private void counted(DeviceIdentity identity, DeviceMessage message, boolean security, Instant receivedAt) {
        counters.received(identity.hubName(), identity.deviceId(), security, receivedAt);
        listener.deviceToCloudMessage(identity, message.protocol(), receivedAt);
    }

    private static SecurityMessage collectedEvents(SecurityMessage message, HubSecuritySettings settings) {
        return withEvents(message, message.events().stream().filter(e -> settings.collects(e.name())).toList());
    }

    /** The message with only {@code kept} of its events. */
    private static SecurityMessage withEvents(SecurityMessage message, List<SecurityEvent> kept) {
        return kept.size() == message.events().size() ? message
                : new SecurityMessage(message.agentVersion(), message.agentId(), message.messageSchemaVersion(), kept);
    }
}
