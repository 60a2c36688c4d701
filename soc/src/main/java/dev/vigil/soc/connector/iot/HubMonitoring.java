package dev.vigil.soc.connector.iot;

/**
 * An IoT hub of a subscription, and whether Defender for IoT (security monitoring) is on for it.
 *
 * @param resourceId the hub's ARM id, which becomes {@code ResourceId} of its alerts' rows
 */
public record HubMonitoring(String name, String resourceGroup, String resourceId, boolean monitoringEnabled) {
}
