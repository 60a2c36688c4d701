package dev.vigil.server.console.iot;

import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceSecurityGroup;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A hub's page (security monitoring, device security groups) and a device security group's edit
 * page. Changes need Contributor on the hub's subscription; they call the registry as the API's
 * routes do, and note what they changed for the audit trail.
 */
public final class HubPages {
    private final IotRegistry registry;
    private final String domain;

    public HubPages(ConsoleServices services) {
        this.registry = services.iotRegistry();
        this.domain = services.iot().domain();
    }

    public void register(ConsoleRouter router) {
        router.get(IotPaths.HUB, request -> hubPage(router, request, Optional.empty(), "", Optional.empty()));
        router.post(IotPaths.HUB + "/monitoring/on", request -> setMonitoring(router, request, true));
        router.post(IotPaths.HUB + "/monitoring/off", request -> setMonitoring(router, request, false));
        // a GET form: naming a new group changes nothing until its page is saved
        router.get(IotPaths.GROUPS, request -> newGroup(router, request));
        router.get(IotPaths.GROUP, request -> groupPage(router, request));
        router.post(IotPaths.GROUP, request -> saveGroup(router, request));
        router.post(IotPaths.GROUP + "/delete", request -> deleteGroup(router, request));
    }

    private void hubPage(ConsoleRouter router, ConsoleRequest request, Optional<String> message, String newGroupName, Optional<String> newGroupError) {
        String workspace = request.workspace();
        IotHub hub = IotRequests.hub(registry, request);
        String deleted = request.ctx().queryParam("deleted");
        if (message.isEmpty() && deleted != null) {
            message = Optional.of("Device security group '" + deleted + "' is deleted.");
        }
        List<Device> devices = registry.devices(hub);
        Map<String, Long> devicesByGroup = devices.stream().collect(Collectors.groupingBy(Device::securityGroup, Collectors.counting()));
        List<HubPage.GroupRow> groups = registry.deviceSecurityGroups(hub).stream()
                .map(g -> new HubPage.GroupRow(g.name(), IotPaths.group(workspace, hub, g.name()), describe(g), devicesByGroup.getOrDefault(g.name(), 0L)))
                .toList();
        String base = IotPaths.hub(workspace, hub);
        boolean on = hub.security().monitoringEnabled();
        router.templates().render(request.ctx(), "iot/hub.jte", new HubPage(request.shell(Area.IOT, hub.name()), IotPaths.overview(workspace),
                hub.subscriptionId(), hub.resourceGroup(), hub.name(), hub.hostName(domain), on, hub.security().workspace(),
                base + "/monitoring/" + (on ? "off" : "on"), devices.size(), IotPaths.devices(workspace, hub),
                IotPaths.alerts(workspace) + "?subscription=" + ConsolePaths.encode(hub.subscriptionId()) + "&hub=" + ConsolePaths.encode(hub.name()),
                groups, base + "/securityGroups", newGroupName, newGroupError, IotRequests.changePermit(request, hub.subscriptionId()), message));
    }

    private static String describe(DeviceSecurityGroup group) {
        long ranges = group.timeWindowRules().stream().filter(r -> r.isEnabled()).count() + group.thresholdRules().stream().filter(r -> r.isEnabled()).count();
        long lists = group.allowlistRules().stream().filter(r -> r.isEnabled()).count() + group.denylistRules().stream().filter(r -> r.isEnabled()).count();
        if (ranges + lists == 0) {
            return "No rule enabled";
        }
        return count(ranges, "range rule") + ", " + count(lists, "list rule") + " enabled";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Turns monitoring on or off as the button asked, whatever the hub's state meanwhile: a second click changes nothing. */
    private void setMonitoring(ConsoleRouter router, ConsoleRequest request, boolean turnOn) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        AuditNotes.put(request.ctx(), "resourceId", hub.resourceId());
        HubSecuritySettings now = hub.security();
        registry.putSecuritySettings(hub.subscriptionId(), hub.resourceGroup(), hub.name(), new HubSecuritySettings(
                turnOn ? HubSecuritySettings.ENABLED : HubSecuritySettings.DISABLED, now.workspace(), now.export(), now.collectedEventNames()));
        hubPage(router, request, Optional.of("Security monitoring (Defender for IoT) is " + (turnOn ? "on" : "off") + " for hub '" + hub.name() + "'."),
                "", Optional.empty());
    }

    private void newGroup(ConsoleRouter router, ConsoleRequest request) {
        IotHub hub = IotRequests.hub(registry, request);
        String name = Optional.ofNullable(request.ctx().queryParam("name")).map(String::strip).orElse("");
        try {
            new DeviceSecurityGroup(hub.name(), name, List.of(), List.of(), List.of(), List.of());
        } catch (InvalidResourceException e) {
            request.ctx().status(400);
            hubPage(router, request, Optional.empty(), name, Optional.of(name.isEmpty() ? "Enter a name for the group." : "The name '" + name
                    + "' cannot be used: a group's name has 1 to 90 letters, digits, '.', '_', '-', '(' or ')'."));
            return;
        }
        request.ctx().redirect(IotPaths.group(request.workspace(), hub, name));
    }

    private void groupPage(ConsoleRouter router, ConsoleRequest request) {
        IotHub hub = IotRequests.hub(registry, request);
        String name = request.ctx().pathParam("group");
        Optional<DeviceSecurityGroup> group = registry.findDeviceSecurityGroup(hub.name(), name);
        router.templates().render(request.ctx(), "iot/securityGroup.jte",
                groupPage(request, hub, name, group.isPresent(), SecurityGroupForm.of(group), request.ctx().queryParam("saved") != null));
    }

    private SecurityGroupPage groupPage(ConsoleRequest request, IotHub hub, String name, boolean exists, SecurityGroupForm form, boolean saved) {
        String workspace = request.workspace();
        String action = IotPaths.group(workspace, hub, name);
        long devices = registry.devices(hub).stream().filter(d -> d.securityGroup().equals(name)).count();
        long errors = form.valid() ? 0 : form.errorCount();
        return new SecurityGroupPage(request.shell(Area.IOT, name + " - " + hub.name()), IotPaths.overview(workspace), IotPaths.hub(workspace, hub),
                hub.name(), name, exists, form.ranges(), form.lists(), devices, action, action + "/delete",
                IotRequests.changePermit(request, hub.subscriptionId()), errors, saved);
    }

    private void saveGroup(ConsoleRouter router, ConsoleRequest request) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        String name = request.ctx().pathParam("group");
        Optional<DeviceSecurityGroup> before = registry.findDeviceSecurityGroup(hub.name(), name);
        Set<String> savedTypes = before.map(g -> java.util.stream.Stream.concat(g.timeWindowRules().stream(), g.thresholdRules().stream())
                .map(r -> r.ruleType()).collect(Collectors.toSet())).orElse(Set.of());
        SecurityGroupForm form = SecurityGroupForm.read(request.ctx(), savedTypes);
        if (!form.valid()) {
            // 200, so that htmx swaps the page in with the errors at their fields
            router.templates().render(request.ctx(), "iot/securityGroup.jte", groupPage(request, hub, name, before.isPresent(), form, false));
            return;
        }
        DeviceSecurityGroup group = form.group(hub.name(), name);
        AuditNotes.put(request.ctx(), "resourceId", hub.resourceId() + "/providers/Microsoft.Security/deviceSecurityGroups/" + name);
        registry.putDeviceSecurityGroup(group);
        request.redirect(IotPaths.group(request.workspace(), hub, name) + "?saved");
    }

    private void deleteGroup(ConsoleRouter router, ConsoleRequest request) {
        IotHub hub = IotRequests.hub(registry, request);
        IotRequests.requireChange(request, hub.subscriptionId());
        String name = request.ctx().pathParam("group");
        if (registry.findDeviceSecurityGroup(hub.name(), name).isPresent()) {
            AuditNotes.put(request.ctx(), "resourceId", hub.resourceId() + "/providers/Microsoft.Security/deviceSecurityGroups/" + name);
            registry.deleteDeviceSecurityGroup(hub, name);
        }
        request.redirect(IotPaths.hub(request.workspace(), hub) + "?deleted=" + ConsolePaths.encode(name));
    }
}
