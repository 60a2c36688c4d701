package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertEntity;
import dev.vigil.iot.device.AuthenticationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hub built-in alert per refused connection: every refusal whose reason maps to one of the
 * detector's alerts raises it, with the source address as property and as ip entity.
 */
abstract class ConnectionRefusalDetector implements Detector {
    /** An endpoint may report host:port; the ip entity holds the address alone. */
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("^(\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+$");

    private final String keyPrefix;

    /** @param keyPrefix starts each alert's key, so that two detectors' alerts of one refusal stay apart */
    ConnectionRefusalDetector(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** The alert a refusal for {@code reason} raises, empty when it is none of this detector's. */
    abstract Optional<AlertDefinition> alertFor(AuthenticationFailure reason);

    @Override
    public final void onAuthenticationFailure(DeviceContext device, AuthenticationFailure reason, String sourceAddress, Instant at) {
        Optional<AlertDefinition> definition = alertFor(reason);
        if (definition.isEmpty()) {
            return;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Source Address", sourceAddress);
        List<AlertEntity> entities = new ArrayList<>();
        if (!sourceAddress.isEmpty()) {
            entities.add(AlertEntity.ip(IPV4_WITH_PORT.matcher(sourceAddress).replaceFirst("$1")));
        }
        device.raise(definition.get(), at, keyPrefix + "#" + reason + "#" + sourceAddress + "#" + at, properties, entities);
    }
}
