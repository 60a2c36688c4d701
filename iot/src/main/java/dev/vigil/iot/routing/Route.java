package dev.vigil.iot.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A routing rule as IoT Hub's ARM API shapes it ({@code RouteProperties}); the hub's fallback route
 * has the same shape ({@code FallbackRouteProperties}).
 *
 * @param source an ARM source name, {@code DeviceMessages}
 * @param condition IoT Hub's routing query language; blank is {@code true}
 * @param endpointNames exactly one endpoint of the hub, as IoT Hub allows
 * @param isEnabled true when not given
 */
public record Route(String name, String source, String condition, List<String> endpointNames, @JsonProperty("isEnabled") Boolean isEnabled) {
    public Route {
        condition = condition == null || condition.isBlank() ? "true" : condition;
        endpointNames = endpointNames == null ? List.of() : List.copyOf(endpointNames);
        isEnabled = isEnabled == null || isEnabled;
    }
}
