package dev.vigil.server.console.iot;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.endpoint.IntakeCounters;
import dev.vigil.iot.endpoint.mqtt.MqttEndpoint;
import java.util.Optional;

/**
 * What the IoT pages need beyond the registry and the IoT alerts: the device actions the API's routes
 * call, the intake's per-device counters (last seen), the MQTT endpoint (connection state), and the
 * devices' host domain for connection strings.
 *
 * @param mqtt empty where no MQTT endpoint runs: every device then shows as disconnected
 * @param domain e.g. {@code azure-devices.net}: a hub's host name is {@code {hub}.{domain}}
 */
public record IotServices(DeviceActions actions, IntakeCounters counters, Optional<MqttEndpoint> mqtt, String domain) {

    public boolean connected(String hubName, String deviceId) {
        return mqtt.map(m -> m.isConnected(hubName, deviceId)).orElse(false);
    }
}
