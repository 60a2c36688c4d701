package dev.vigil.server.api.iot;

import dev.vigil.iot.endpoint.IntakeCounters;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceSecurityGroup;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.ListRule;
import dev.vigil.iot.registry.Module;
import dev.vigil.iot.registry.RangeRule;
import dev.vigil.iot.registry.ResourceGroup;
import dev.vigil.iot.routing.HubRouting;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the IoT registry API, ARM-shaped: {@code id}, {@code name}, {@code type}, {@code properties}. */
final class IotJson {
    private IotJson() {
    }

    record Resource(String id, String name, String type, Object properties) {
    }

    record HubProperties(String hostName, HubSecuritySettings securitySettings, RoutingJson.RoutingView routing) {
    }

    record HubBody(HubPropertiesBody properties) {
    }

    /** @param routing null keeps the hub's routing as it is */
    record HubPropertiesBody(HubSecuritySettings securitySettings, RoutingJson.RoutingBody routing) {
    }

    record SecuritySolutionBody(HubSecuritySettings properties) {
    }

    record SubscriptionBody(String displayName) {
    }

    record DeviceBody(String status, Map<String, String> tags) {
    }

    record TagsBody(Map<String, String> tags) {
    }

    record CloudToDeviceBody(String body, Map<String, String> properties) {
    }

    record DeviceView(String deviceId, String status, Map<String, String> tags, boolean connected, IntakeCounters.DeviceCounts statistics) {
    }

    record DeviceKeysView(String primaryKey, String secondaryKey, String primaryConnectionString, String secondaryConnectionString) {
    }

    record ModuleBody(String status) {
    }

    record ModuleView(String deviceId, String moduleId, String status, String connectionState, Map<String, String> authentication) {
    }

    record DirectMethodBody(String methodName, com.fasterxml.jackson.databind.JsonNode payload, Integer responseTimeoutInSeconds,
            Integer connectTimeoutInSeconds) {
    }

    record DirectMethodResultView(int status, com.fasterxml.jackson.databind.JsonNode payload) {
    }

    record SecurityGroupProperties(List<RangeRule> timeWindowRules, List<RangeRule> thresholdRules, List<ListRule> allowlistRules,
            List<ListRule> denylistRules) {
    }

    record SecurityGroupBody(SecurityGroupProperties properties) {
    }

    static Resource group(ResourceGroup group) {
        return new Resource(group.resourceId(), group.name(), "Microsoft.Resources/resourceGroups", Map.of());
    }

    static Resource hub(IotHub hub, String domain, HubRouting routing) {
        return new Resource(hub.resourceId(), hub.name(), "Microsoft.Devices/IotHubs", new HubProperties(hub.hostName(domain), hub.security(),
                RoutingJson.view(routing)));
    }

    static Resource securitySolution(IotHub hub) {
        return new Resource(hub.resourceId() + "/providers/Microsoft.Security/iotSecuritySolutions/default", "default",
                "Microsoft.Security/iotSecuritySolutions", hub.security());
    }

    static String securityGroupId(IotHub hub, String name) {
        return hub.resourceId() + "/providers/Microsoft.Security/deviceSecurityGroups/" + name;
    }

    static Resource securityGroup(IotHub hub, DeviceSecurityGroup group) {
        return new Resource(securityGroupId(hub, group.name()), group.name(),
                "Microsoft.Security/deviceSecurityGroups",
                new SecurityGroupProperties(group.timeWindowRules(), group.thresholdRules(), group.allowlistRules(), group.denylistRules()));
    }

    /** The keys with the connection strings the device SDKs take: {@code HostName=...;DeviceId=...[;ModuleId=...];SharedAccessKey=...}. */
    static DeviceKeysView keys(String hostName, String deviceId, String moduleId, String primaryKey, String secondaryKey) {
        String prefix = "HostName=" + hostName + ";DeviceId=" + deviceId + (moduleId == null ? "" : ";ModuleId=" + moduleId) + ";SharedAccessKey=";
        return new DeviceKeysView(primaryKey, secondaryKey, prefix + primaryKey, prefix + secondaryKey);
    }

    static ModuleView module(Module module, boolean connected) {
        return new ModuleView(module.deviceId(), module.moduleId(), module.status().text(), connected ? "Connected" : "Disconnected",
                Map.of("type", "sas"));
    }

    static DeviceView device(Device device, boolean connected, IntakeCounters.DeviceCounts counts) {
        return new DeviceView(device.deviceId(), device.status().text(), device.tags(), connected, counts);
    }
}
