package dev.vigil.iot.registry;

/** An Azure-style subscription: the scope that owns resource groups and, later, role assignments. */
public record Subscription(String subscriptionId, String displayName) {
    public Subscription {
        ResourceNames.requireName("subscriptionId", subscriptionId);
        displayName = displayName == null || displayName.isBlank() ? subscriptionId : displayName;
    }
}
