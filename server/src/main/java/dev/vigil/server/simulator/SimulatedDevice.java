package dev.vigil.server.simulator;

/**
 * A device of the fleet as the registry created it.
 *
 * @param hubPath    the hub's registry path, {@code /api/subscriptions/.../IotHubs/{hub}}
 * @param hubHost    {@code {hub}.{domain}}, the host its tokens are for
 * @param primaryKey the device's primary symmetric key (base64)
 */
public record SimulatedDevice(String hubPath, String hubHost, String deviceId, String primaryKey, DeviceProtocol protocol) {
}
