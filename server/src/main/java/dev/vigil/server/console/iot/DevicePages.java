package dev.vigil.server.console.iot;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.alert.AlertPage;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.endpoint.IntakeCounters;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceKeyType;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A hub's devices (list, search, create with its keys shown once, enable, disable, delete) and a
 * device's page (regenerate a key, its IoT alerts). Changes need Contributor on the hub's
 * subscription and go through the same registry and device actions as the API's routes.
 */
public final class DevicePages {
    static final int PAGE_SIZE = 100;
    /** A device's page lists its newest alerts, up to this many; the alert list has the rest. */
    static final int DEVICE_ALERTS = 20;

    private final IotRegistry registry;
    private final IotServices iot;
    private final DeviceActions actions;
    private final IotAlerts alerts;
    private final AlertRows alertRows;

    public DevicePages(ConsoleServices services) {
        this.registry = services.iotRegistry();
        this.iot = services.iot();
        this.actions = iot.actions();
        this.alerts = services.iotAlerts();
        this.alertRows = new AlertRows(registry, services.iotAlerts());
    }

    public void register(ConsoleRouter router) {
        router.get(IotPaths.DEVICES, request -> list(router, request, Optional.empty(), "", Optional.empty(), Optional.empty()));
        router.post(IotPaths.DEVICES, request -> create(router, request));
        router.post(IotPaths.DEVICES + "/{device}/enable/list", request -> listChange(router, request, hub -> setStatus(request, hub, true)));
        router.post(IotPaths.DEVICES + "/{device}/disable/list", request -> listChange(router, request, hub -> setStatus(request, hub, false)));
        router.post(IotPaths.DEVICES + "/{device}/delete", request -> delete(router, request));
        router.get(IotPaths.DEVICE, request -> page(router, request, Optional.empty(), Optional.empty()));
        router.post(IotPaths.DEVICE + "/enable", request -> pageChange(router, request, hub -> setStatus(request, hub, true)));
        router.post(IotPaths.DEVICE + "/disable", request -> pageChange(router, request, hub -> setStatus(request, hub, false)));
        router.post(IotPaths.DEVICE + "/regenerate/primary", request -> regenerate(router, request, DeviceKeyType.PRIMARY));
        router.post(IotPaths.DEVICE + "/regenerate/secondary", request -> regenerate(router, request, DeviceKeyType.SECONDARY));
        router.post(IotPaths.DEVICE + "/alerts/{alert}/status/{status}", request -> page(router, request, Optional.of(alertRows.changeStatus(request)),
                Optional.empty()));
    }

    // the list

    private void list(ConsoleRouter router, ConsoleRequest request, Optional<String> message, String newDeviceId, Optional<String> newDeviceError,
            Optional<NewDeviceKeys> created) {
        String workspace = request.workspace();
        IotHub hub = IotRequests.hub(registry, request);
        String search = Optional.ofNullable(request.ctx().queryParam("search")).map(String::strip).orElse("");
        String state = Optional.ofNullable(request.ctx().queryParam("state")).filter(DeviceListPage.STATES::contains).orElse("");
        String deleted = request.ctx().queryParam("deleted");
        if (message.isEmpty() && deleted != null) {
            message = Optional.of("Device '" + deleted + "' is deleted.");
        }
        List<Device> all = registry.devices(hub);
        List<Device> matching = all.stream().filter(matches(hub, search, state)).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pages, Math.max(1, parsePage(request.ctx().queryParam("page"))));
        int from = (page - 1) * PAGE_SIZE;
        List<DeviceListPage.DeviceRow> rows = matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE)).stream()
                .map(device -> row(workspace, hub, device)).toList();
        String base = IotPaths.devices(workspace, hub);
        router.templates().render(request.ctx(), "iot/devices.jte", new DeviceListPage(request.shell(Area.IOT, "Devices - " + hub.name()),
                IotPaths.overview(workspace), IotPaths.hub(workspace, hub), hub.name(), base, search, state, rows, all.size(), matching.size(), from + 1,
                page > 1 ? Optional.of(listHref(base, search, state, page - 1)) : Optional.empty(),
                page < pages ? Optional.of(listHref(base, search, state, page + 1)) : Optional.empty(),
                base, newDeviceId, newDeviceError, created, IotRequests.changePermit(request, hub.subscriptionId()), message));
    }

    private Predicate<Device> matches(IotHub hub, String search, String state) {
        String needle = search.toLowerCase(Locale.ROOT);
        return device -> device.deviceId().toLowerCase(Locale.ROOT).contains(needle) && switch (state) {
            case "connected" -> iot.connected(hub.name(), device.deviceId());
            case "disconnected" -> !iot.connected(hub.name(), device.deviceId());
            case "enabled" -> device.enabled();
            case "disabled" -> !device.enabled();
            default -> true;
        };
    }

    private static int parsePage(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String listHref(String base, String search, String state, int page) {
        return base + "?search=" + ConsolePaths.encode(search) + "&state=" + ConsolePaths.encode(state) + "&page=" + page;
    }

    private DeviceListPage.DeviceRow row(String workspace, IotHub hub, Device device) {
        IntakeCounters.DeviceCounts counts = iot.counters().of(hub.name(), device.deviceId());
        String href = IotPaths.device(workspace, hub, device.deviceId());
        String devices = IotPaths.devices(workspace, hub) + "/" + ConsolePaths.encode(device.deviceId());
        return new DeviceListPage.DeviceRow(device.deviceId(), href, device.enabled(), iot.connected(hub.name(), device.deviceId()), lastSeen(counts),
                device.securityGroup(), counts.deviceToCloudMessages(), devices + (device.enabled() ? "/disable/list" : "/enable/list"),
                devices + "/delete");
    }

    private static String lastSeen(IntakeCounters.DeviceCounts counts) {
        return counts.lastActivityTime() == null ? "Not since the server started" : DisplayTime.format(counts.lastActivityTime());
    }

    /** Creates the device with fresh keys and answers the list with them, once; an id taken or malformed is refused at its field. */
    private void create(ConsoleRouter router, ConsoleRequest request) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        String deviceId = Optional.ofNullable(request.ctx().formParam("deviceId")).map(String::strip).orElse("");
        if (registry.findDevice(hub.name(), deviceId).isPresent()) {
            list(router, request, Optional.empty(), deviceId, Optional.of("Hub '" + hub.name() + "' already has a device '" + deviceId
                    + "'. Choose another id, or open that device to regenerate its keys."), Optional.empty());
            return;
        }
        Device device;
        try {
            device = registry.putDevice(hub, deviceId, DeviceStatus.ENABLED, Map.of());
        } catch (InvalidResourceException e) {
            list(router, request, Optional.empty(), deviceId, Optional.of(deviceId.isEmpty() ? "Enter a device id."
                    : "The id '" + deviceId + "' cannot be used: a device id has 1 to 128 letters, digits or any of -.%_;:!'*()+=,@$"), Optional.empty());
            return;
        }
        AuditNotes.put(request.ctx(), "resourceId", hub.resourceId() + "/devices/" + device.deviceId());
        AuditNotes.put(request.ctx(), "created", true);
        list(router, request, Optional.empty(), "", Optional.empty(), Optional.of(NewDeviceKeys.of(hub, device, iot.domain())));
    }

    /** A change made from the list, answered with the list and what the change did. */
    private void listChange(ConsoleRouter router, ConsoleRequest request, java.util.function.Function<IotHub, String> change) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        String message = change.apply(hub);
        list(router, request, Optional.of(message), "", Optional.empty(), Optional.empty());
    }

    /** A change made from the device's page, answered with the page and what the change did. */
    private void pageChange(ConsoleRouter router, ConsoleRequest request, java.util.function.Function<IotHub, String> change) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        page(router, request, Optional.of(change.apply(hub)), Optional.empty());
    }

    /** Disabling closes the device's live connection and refuses its next one, as the API's action does. */
    private String setStatus(ConsoleRequest request, IotHub hub, boolean enable) {
        Device device = IotRequests.device(registry, hub, request);
        AuditNotes.put(request.ctx(), "resourceId", hub.resourceId() + "/devices/" + device.deviceId());
        AuditNotes.put(request.ctx(), "deviceStatus", enable ? DeviceStatus.ENABLED.text() : DeviceStatus.DISABLED.text());
        if (enable) {
            actions.enable(hub, device.deviceId());
            return "Device '" + device.deviceId() + "' is enabled: it may connect again.";
        }
        actions.disable(hub, device.deviceId());
        return "Device '" + device.deviceId() + "' is disabled: its connection is closed and new ones are refused.";
    }

    private void delete(ConsoleRouter router, ConsoleRequest request) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        Device device = IotRequests.device(registry, hub, request);
        AuditNotes.put(request.ctx(), "resourceId", hub.resourceId() + "/devices/" + device.deviceId());
        registry.deleteDevice(hub, device.deviceId());
        String message = "Device '" + device.deviceId() + "' is deleted.";
        if (request.ctx().queryParam("from") != null) {
            // deleted from its own page, which is gone: show the list
            request.redirect(IotPaths.devices(request.workspace(), hub) + "?deleted=" + ConsolePaths.encode(device.deviceId()));
            return;
        }
        list(router, request, Optional.of(message), "", Optional.empty(), Optional.empty());
    }

    // a device's page

    private void page(ConsoleRouter router, ConsoleRequest request, Optional<String> message, Optional<NewDeviceKeys> newKeys) {
        String workspace = request.workspace();
        IotHub hub = IotRequests.hub(registry, request);
        Device device = IotRequests.device(registry, hub, request);
        IntakeCounters.DeviceCounts counts = iot.counters().of(hub.name(), device.deviceId());
        String href = IotPaths.device(workspace, hub, device.deviceId());
        AlertPage newest = alerts.page(hub.subscriptionId(),
                alert -> alert.hubResourceId().equalsIgnoreCase(hub.resourceId()) && alert.deviceId().equals(device.deviceId()), DEVICE_ALERTS, Optional.empty());
        List<AlertRow> rows = newest.alerts().stream().map(alert -> alertRows.row(workspace, alert, href + "/alerts", "")).toList();
        Optional<String> groupHref = registry.findDeviceSecurityGroup(hub.name(), device.securityGroup())
                .map(g -> IotPaths.group(workspace, hub, g.name()));
        String alertsHref = IotPaths.alerts(workspace) + "?subscription=" + ConsolePaths.encode(hub.subscriptionId()) + "&hub="
                + ConsolePaths.encode(hub.name()) + "&device=" + ConsolePaths.encode(device.deviceId());
        router.templates().render(request.ctx(), "iot/device.jte", new DevicePage(request.shell(Area.IOT, device.deviceId() + " - " + hub.name()),
                IotPaths.overview(workspace), IotPaths.hub(workspace, hub), IotPaths.devices(workspace, hub), hub.name(), device.deviceId(),
                device.enabled(), iot.connected(hub.name(), device.deviceId()), lastSeen(counts), counts.deviceToCloudMessages(),
                counts.securityMessages(), counts.droppedSecurityMessages(), device.securityGroup(), groupHref, hub.hostName(iot.domain()),
                href + (device.enabled() ? "/disable" : "/enable"), href + "/regenerate/primary", href + "/regenerate/secondary",
                IotPaths.devices(workspace, hub) + "/" + ConsolePaths.encode(device.deviceId()) + "/delete?from=device", newKeys, rows,
                newest.next().isPresent(), alertsHref, IotRequests.changePermit(request, hub.subscriptionId()), message));
    }

    /** Replaces one key; the answer shows both keys once, and the device's live connection is closed (it reconnects with a key it has). */
    private void regenerate(ConsoleRouter router, ConsoleRequest request, DeviceKeyType keyType) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        Device device = IotRequests.device(registry, hub, request);
        AuditNotes.put(request.ctx(), "resourceId", hub.resourceId() + "/devices/" + device.deviceId());
        AuditNotes.put(request.ctx(), "regeneratedKey", keyType.name().toLowerCase(Locale.ROOT));
        Device changed = registry.regenerateKey(hub, device.deviceId(), keyType);
        page(router, request, Optional.of("The " + keyType.name().toLowerCase(Locale.ROOT) + " key of '" + device.deviceId()
                + "' is regenerated; tokens signed with the old one no longer work."), Optional.of(NewDeviceKeys.of(hub, changed, iot.domain())));
    }
}
