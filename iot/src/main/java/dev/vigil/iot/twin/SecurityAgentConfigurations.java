package dev.vigil.iot.twin;

import dev.vigil.iot.device.DeviceAddress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Module;
import java.time.Clock;

/**
 * The security agents' configurations, as the {@code azureiotsecurity} module twins hold them.
 * A desired-property change that leaves the configuration unparsable is reported to the
 * {@link DeviceActivityListener} (the catalogue's "IoT agent attempted and failed to parse the
 * module twin configuration" alert), and {@link #configuration} answers the defaults until it is fixed.
 */
public final class SecurityAgentConfigurations implements TwinChangeListener {
    private final Twins twins;
    private final IotRegistry registry;
    private final DeviceActivityListener listener;
    private final Clock clock;

    public SecurityAgentConfigurations(Twins twins, IotRegistry registry, DeviceActivityListener listener, Clock clock) {
        this.twins = twins;
        this.registry = registry;
        this.listener = listener;
        this.clock = clock;
        twins.addListener(this);
    }

    /** The configuration of the device's security agent: its module twin's, or the defaults when it cannot be parsed. */
    public SecurityAgentConfiguration configuration(String hubName, String deviceId) {
        ObjectNode desired = twins.twin(DeviceAddress.module(hubName, deviceId, Module.SECURITY_MODULE)).desired().properties();
        try {
            return SecurityAgentConfiguration.parse(desired.get(SecurityAgentConfiguration.PROPERTY));
        } catch (InvalidAgentConfigurationException e) {
            return SecurityAgentConfiguration.defaults();
        }
    }

    @Override
    public void desiredPropertiesChanged(Twin twin, ObjectNode patch) {
        if (!Module.SECURITY_MODULE.equals(twin.moduleId()) || !patch.has(SecurityAgentConfiguration.PROPERTY)) {
            return;
        }
        try {
            SecurityAgentConfiguration.parse(twin.desired().properties().get(SecurityAgentConfiguration.PROPERTY));
        } catch (InvalidAgentConfigurationException e) {
            registry.findHub(twin.hubName()).ifPresent(hub -> registry.findDevice(hub.name(), twin.deviceId()).ifPresent(device ->
                    listener.agentConfigurationRejected(registry.identity(hub, device), e.getMessage(), clock.instant())));
        }
    }
}
