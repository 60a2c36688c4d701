package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The agent alert for a security module twin whose configuration the agent cannot parse: every
 * rejected configuration raises it (repeats of the same problem merge into the open alert).
 */
final class AgentConfigurationErrorDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_AgentTwinConfigurationParseError",
            "IoT agent attempted and failed to parse the module twin configuration", AlertSeverity.MEDIUM,
            "The security agent's configuration in the desired properties of the device's azureiotsecurity module twin does not"
                    + " follow the agent's configuration schema, so the agent keeps its previous configuration.",
            List.of("Compare the desired ms_iotn:urn_azureiot_Security_SecurityAgentConfiguration with the agent's configuration schema.",
                    "Fix the values the alert names (durations in ISO 8601, sizes as numbers, priorities High, Low or Off) and set the"
                            + " desired properties again."));

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onAgentConfigurationRejected(DeviceContext device, String problem, Instant at) {
        device.raise(DEFINITION, at, "agent-configuration#" + problem, Map.of("Error", problem), List.of());
    }
}
