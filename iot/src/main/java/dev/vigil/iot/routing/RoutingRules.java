package dev.vigil.iot.routing;

import dev.vigil.iot.routing.condition.ConditionSyntaxException;
import dev.vigil.iot.routing.condition.RouteCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IoT Hub's rules for routing settings, checked before anything is saved: names of at most 64
 * letters, digits, {@code .}, {@code _} and {@code -}, unique; at most 10 endpoints and 100 routes;
 * one endpoint per route, one the hub defines; a routed source; a condition that compiles.
 */
final class RoutingRules {
    static final int MAX_ENDPOINTS = 10;
    static final int MAX_ROUTES = 100;
    static final String FALLBACK_NAME = "$fallback";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,60}_CL");
    private static final Set<String> RESERVED_ENDPOINTS = Set.of("events", "filenotifications", "$default");

    private RoutingRules() {
    }

    /** The routes of valid settings, compiled; {@link InvalidRoutingException} naming the first broken rule otherwise. */
    static List<CompiledRoute> compile(HubRouting routing) {
        checkEndpoints(routing.endpoints());
        if (routing.routes().size() > MAX_ROUTES) {
            throw new InvalidRoutingException("a hub has at most " + MAX_ROUTES + " routes, given " + routing.routes().size());
        }
        Set<String> names = new HashSet<>();
        List<CompiledRoute> compiled = new ArrayList<>();
        for (int i = 0; i < routing.routes().size(); i++) {
            Route route = routing.routes().get(i);
            String where = "routes[" + i + "]";
            if (route.name() == null || !NAME.matcher(route.name()).matches()) {
                throw new InvalidRoutingException(where + ": 'name' must be 1 to 64 letters, digits, '.', '_' or '-', was "
                        + (route.name() == null ? "missing" : "'" + route.name() + "'"));
            }
            if (!names.add(route.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidRoutingException(where + ": the route name '" + route.name() + "' is used twice; route names are unique");
            }
            compiled.add(compile(route, "route '" + route.name() + "'", routing));
        }
        return compiled;
    }

    /** The fallback route of valid settings, compiled (its name defaults to {@code $fallback}). */
    static CompiledRoute compileFallback(Route fallback, HubRouting routing) {
        return compile(fallback, "fallbackRoute", routing);
    }

    /** One route against the hub's endpoints: its source, its single endpoint and its condition. */
    static CompiledRoute compile(Route route, String where, HubRouting routing) {
        RoutingSource.routed(route.source(), where);
        if (route.endpointNames().size() != 1) {
            throw new InvalidRoutingException(where + ": 'endpointNames' must name exactly one endpoint, as IoT Hub allows; given "
                    + route.endpointNames().size());
        }
        String endpointName = route.endpointNames().get(0);
        WorkspaceTableEndpoint endpoint = routing.endpoint(endpointName).orElseThrow(() -> new InvalidRoutingException(where + ": "
                + (RESERVED_ENDPOINTS.contains(endpointName.toLowerCase(Locale.ROOT))
                        ? "'" + endpointName + "' is IoT Hub's built-in endpoint, which Vigil does not have; name one of the hub's workspace table endpoints"
                        : "'endpointNames' names '" + endpointName + "', which is not one of the hub's endpoints " + endpointNames(routing))));
        return new CompiledRoute(route, condition(route, where), endpoint);
    }

    static RouteCondition condition(Route route, String where) {
        try {
            return RouteCondition.compile(route.condition());
        } catch (ConditionSyntaxException e) {
            throw new InvalidRoutingException(where + ": the condition does not compile at line " + e.line() + ", column " + e.column() + ": "
                    + e.getMessage(), Map.of("route", route.name() == null ? "" : route.name(), "line", e.line(), "column", e.column()));
        }
    }

    private static void checkEndpoints(List<WorkspaceTableEndpoint> endpoints) {
        if (endpoints.size() > MAX_ENDPOINTS) {
            throw new InvalidRoutingException("a hub has at most " + MAX_ENDPOINTS + " custom endpoints, given " + endpoints.size());
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            WorkspaceTableEndpoint endpoint = endpoints.get(i);
            String where = "endpoints.workspaceTables[" + i + "]";
            if (endpoint.name() == null || !NAME.matcher(endpoint.name()).matches()) {
                throw new InvalidRoutingException(where + ": 'name' must be 1 to 64 letters, digits, '.', '_' or '-', was "
                        + (endpoint.name() == null ? "missing" : "'" + endpoint.name() + "'"));
            }
            if (RESERVED_ENDPOINTS.contains(endpoint.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidRoutingException(where + ": '" + endpoint.name() + "' is a name IoT Hub reserves for its built-in endpoints");
            }
            if (!names.add(endpoint.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidRoutingException(where + ": the endpoint name '" + endpoint.name() + "' is used twice; endpoint names are unique");
            }
            if (endpoint.workspace() == null || endpoint.workspace().isBlank()) {
                throw new InvalidRoutingException(where + ": 'workspace' is required");
            }
            if (endpoint.tableName() == null || !TABLE.matcher(endpoint.tableName()).matches()) {
                throw new InvalidRoutingException(where + ": 'tableName' must be a custom table name, a letter then letters, digits or '_', ending in '_CL'"
                        + " (e.g. 'PlantTelemetry_CL'), was " + (endpoint.tableName() == null ? "missing" : "'" + endpoint.tableName() + "'"));
            }
        }
    }

    private static String endpointNames(HubRouting routing) {
        return routing.endpoints().isEmpty() ? "(it has none)" : routing.endpoints().stream().map(e -> "'" + e.name() + "'").toList().toString();
    }
}
