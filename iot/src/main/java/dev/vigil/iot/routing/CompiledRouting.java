package dev.vigil.iot.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hub's saved routing, compiled: what a message is checked against on the hot path. */
record CompiledRouting(HubRouting settings, List<CompiledRoute> routes, Optional<CompiledRoute> fallback) {

    static CompiledRouting of(HubRouting settings) {
        List<CompiledRoute> routes = RoutingRules.compile(settings);
        Optional<CompiledRoute> fallback = settings.fallback().map(f -> RoutingRules.compileFallback(f, settings));
        return new CompiledRouting(settings, List.copyOf(routes), fallback);
    }

    /**
     * The endpoints the message goes to, each once: those of the enabled routes whose condition is
     * true, else the fallback route's when it is enabled and its condition is true, else none.
     */
    List<WorkspaceTableEndpoint> endpointsFor(RoutableMessage message) {
        Map<String, WorkspaceTableEndpoint> endpoints = new LinkedHashMap<>();
        for (CompiledRoute route : routes) {
            if (route.route().isEnabled() && route.condition().matches(message)) {
                endpoints.putIfAbsent(route.endpoint().name(), route.endpoint());
            }
        }
        if (endpoints.isEmpty() && fallback.isPresent() && fallback.get().route().isEnabled() && fallback.get().condition().matches(message)) {
            return List.of(fallback.get().endpoint());
        }
        return List.copyOf(endpoints.values());
    }

    /** The enabled routes whose condition is true for the message: IoT Hub's "test all routes". */
    List<Route> matchingRoutes(RoutableMessage message) {
        return routes.stream().filter(r -> r.route().isEnabled() && r.condition().matches(message)).map(CompiledRoute::route).toList();
    }
}
