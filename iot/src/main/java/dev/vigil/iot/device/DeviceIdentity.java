package dev.vigil.iot.device;

/**
 * Where a device sits: the subscription, resource group and IoT hub it belongs to.
 *
 * @param hubResourceId the hub's ARM id,
 *     {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Devices/IotHubs/{hub}}
 * @param securityGroup the device twin tag {@code SecurityGroup}, {@code default} when unset
 */
public record DeviceIdentity(
        String subscriptionId,
        String resourceGroup,
        String hubName,
        String hubResourceId,
        String deviceId,
        String securityGroup) {
}
