package dev.vigil.iot.routing;

import java.util.List;
import java.util.Optional;

/**
 * A hub's routing, as IoT Hub's {@code properties.routing}: endpoints, routes (at most 100, as IoT Hub)
 * and the fallback route, which takes the messages no enabled route took.
 *
 * @param fallbackRoute null when the hub has none
 */
public record HubRouting(String hubName, List<WorkspaceTableEndpoint> endpoints, List<Route> routes, Route fallbackRoute) {
    public HubRouting {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    public static HubRouting none(String hubName) {
        return new HubRouting(hubName, List.of(), List.of(), null);
    }

    public Optional<Route> fallback() {
        return Optional.ofNullable(fallbackRoute);
    }

    public Optional<WorkspaceTableEndpoint> endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }
}
