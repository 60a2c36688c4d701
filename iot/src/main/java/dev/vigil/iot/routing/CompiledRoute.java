package dev.vigil.iot.routing;

import dev.vigil.iot.routing.condition.RouteCondition;

/** A saved route with its condition compiled and its endpoint resolved. */
record CompiledRoute(Route route, RouteCondition condition, WorkspaceTableEndpoint endpoint) {
}
