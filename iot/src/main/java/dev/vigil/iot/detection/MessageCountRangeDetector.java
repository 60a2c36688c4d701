package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.device.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hub custom alerts {@code IoT_CA_{Mqtt,Http,Amqp}{D2C,C2D,C2DRejected}MessagesNotInAllowedRange}:
 * messages of one kind over one protocol, per device, per window of the group's rule of that
 * type, counted at the time the hub received or sent them.
 */
final class MessageCountRangeDetector extends RangeRuleDetector {
    static final Map<String, AlertDefinition> DEFINITIONS = definitionsByRuleType();

    MessageCountRangeDetector(Duration closeDelay) {
        super(closeDelay);
    }

    static String ruleType(Protocol protocol, MessageKind kind) {
        return protocolName(protocol) + kind.ruleName() + "MessagesNotInAllowedRange";
    }

    @Override
    public List<AlertDefinition> definitions() {
        return new ArrayList<>(DEFINITIONS.values());
    }

    @Override
    AlertDefinition definition(String ruleType) {
        return DEFINITIONS.get(ruleType);
    }

    @Override
    public void onMessage(DeviceContext device, MessageKind kind, Protocol protocol, Instant at) {
        count(device, ruleType(protocol, kind), at);
    }

    private static Map<String, AlertDefinition> definitionsByRuleType() {
        Map<String, AlertDefinition> definitions = new LinkedHashMap<>();
        for (Protocol protocol : List.of(Protocol.MQTT, Protocol.HTTP, Protocol.AMQP)) {
            for (MessageKind kind : MessageKind.values()) {
                String ruleType = ruleType(protocol, kind);
                definitions.put(ruleType, new AlertDefinition("IoT_CA_" + ruleType,
                        "Custom alert - The number of " + kind.words() + " in " + protocol.name() + " protocol is outside the allowed range",
                        AlertSeverity.LOW,
                        "The number of " + kind.words() + " of the device over " + protocol.name()
                                + " within the rule's time window is outside the range its security group allows.",
                        List.of("Review the device's messaging and whether the change is expected.",
                                "If it is, adjust the range of the custom alert rule; if not, escalate the alert to the information security team.")));
            }
        }
        return definitions;
    }

    private static String protocolName(Protocol protocol) {
        String upper = protocol.name();
        return upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }
}
