package dev.vigil.iot.registry;

/** A resource group of a subscription. */
public record ResourceGroup(String subscriptionId, String name) {
    public ResourceGroup {
        ResourceNames.requireName("subscriptionId", subscriptionId);
        ResourceNames.requireName("resourceGroupName", name);
    }

    /** {@code /subscriptions/{sub}/resourceGroups/{rg}}. */
    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + name;
    }
}
