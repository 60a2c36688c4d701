package dev.vigil.iot.routing;

import java.util.Map;

/**
 * Routing settings that cannot be saved or a route test that cannot run: the message names the
 * route or endpoint and the rule; for a condition that does not compile, {@link #innerError()}
 * holds the route and the line and column (1-based) in its condition.
 */
public final class InvalidRoutingException extends RuntimeException {
    private final Map<String, Object> innerError;

    public InvalidRoutingException(String message) {
        this(message, Map.of());
    }

    public InvalidRoutingException(String message, Map<String, Object> innerError) {
        super(message);
        this.innerError = Map.copyOf(innerError);
    }

    public String code() {
        return "InvalidRouting";
    }

    public Map<String, Object> innerError() {
        return innerError;
    }
}
