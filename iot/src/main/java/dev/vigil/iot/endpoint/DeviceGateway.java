package dev.vigil.iot.endpoint;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.auth.DeviceAuthenticator;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.message.InvalidSecurityMessageException;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import dev.vigil.iot.message.SecurityMessageValidator;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol-neutral intake of device-to-cloud messages, shared by the HTTPS and MQTT endpoints.
 *
 * <p>Every message counts toward the hub's statistics. A security message of a hub with
 * monitoring on is validated; its collected events are stored in the hub's workspace and, once
 * committed, handed to the detection engine. The returned future completes only after that
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

    public DeviceGateway(IotRegistry registry, DeviceAuthenticator authenticator, LogStore logStore, DeviceActivityListener listener, Clock clock) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.logStore = logStore;
        this.listener = listener;
        this.clock = clock;
    }

    public DeviceAuthenticator authenticator() {
        return authenticator;
    }

    public IntakeCounters counters() {
        return counters;
    }

    /**
     * Takes one message. Throws {@link dev.vigil.workspace.api.WorkspaceException} when storage
     * cannot take the events now, and {@link SecurityMonitoringUnavailableException} when the hub's
     * workspace cannot take them at all (nothing was stored either way; the device should retry).
     */
    public CompletableFuture<MessageOutcome> receive(DeviceMessage message) {
        Instant receivedAt = clock.instant();
        AuthenticatedDevice sender = current(message.device());
        DeviceIdentity identity = sender.identity();
        boolean security = message.isSecurityMessage();
        counters.received(identity.hubName(), identity.deviceId(), security);
        listener.deviceToCloudMessage(identity, message.protocol(), receivedAt);
        HubSecuritySettings settings = sender.hub().security();
        if (!security || !settings.monitoringEnabled()) {
            return CompletableFuture.completedFuture(new MessageOutcome.Accepted(0));
        }
        SecurityMessage validated;
        try {
            validated = validator.validate(message.body());
        } catch (InvalidSecurityMessageException e) {
            counters.dropped(identity.hubName(), identity.deviceId());
            return CompletableFuture.completedFuture(new MessageOutcome.Rejected(e));
        }
        SecurityMessage collected = collectedEvents(validated, settings);
        if (collected.events().isEmpty()) {
            return CompletableFuture.completedFuture(new MessageOutcome.Accepted(0));
        }
        if (!settings.storesRawEvents()) {
            listener.securityMessage(identity, collected, message.protocol(), receivedAt);
            return CompletableFuture.completedFuture(new MessageOutcome.Accepted(0));
        }
        List<Map<String, Object>> rows = RawEventRows.of(identity, collected, receivedAt);
        return storeRawEvents(sender.hub(), rows).thenApply(receipt -> {
            listener.securityMessage(identity, collected, message.protocol(), receivedAt);
            return new MessageOutcome.Accepted(receipt.rowsCommitted());
        });
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
        return new AuthenticatedDevice(hub, device, registry.identity(hub, device));
    }

    private static SecurityMessage collectedEvents(SecurityMessage message, HubSecuritySettings settings) {
        List<SecurityEvent> kept = message.events().stream().filter(e -> settings.collects(e.name())).toList();
        return kept.size() == message.events().size() ? message
                : new SecurityMessage(message.agentVersion(), message.agentId(), message.messageSchemaVersion(), kept);
    }
}
