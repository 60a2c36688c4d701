package dev.vigil.iot.registry;

import java.util.Objects;

/** An IoT hub; its name is unique across subscriptions because it is its host name. */
public record IotHub(String subscriptionId, String resourceGroup, String name, HubSecuritySettings security) {
    public IotHub {
        ResourceNames.requireName("subscriptionId", subscriptionId);
        ResourceNames.requireName("resourceGroupName", resourceGroup);
        ResourceNames.requireHubName(name);
        security = Objects.requireNonNullElseGet(security, HubSecuritySettings::defaults);
    }

    /** {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Devices/IotHubs/{hub}}. */
    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Devices/IotHubs/" + name;
    }

    /** {@code {hub}.{domain}}, lower-case as IoT Hub compares it. */
    public String hostName(String domain) {
        return (name + "." + domain).toLowerCase(java.util.Locale.ROOT);
    }

    public IotHub withSecurity(HubSecuritySettings settings) {
        return new IotHub(subscriptionId, resourceGroup, name, settings);
    }
}
