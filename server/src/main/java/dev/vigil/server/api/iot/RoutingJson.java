package dev.vigil.server.api.iot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.routing.HubRouting;
import dev.vigil.iot.routing.InvalidRoutingException;
import dev.vigil.iot.routing.Route;
import dev.vigil.iot.routing.WorkspaceTableEndpoint;
import java.util.List;
import java.util.Map;

/**
 * A hub's {@code properties.routing} as IoT Hub's ARM API shapes it, with Vigil's endpoint kind,
 * {@code workspaceTables}, beside IoT Hub's (which Vigil has none of, and refuses rather than ignores).
 */
final class RoutingJson {
    private RoutingJson() {
    }

    record RoutingBody(EndpointsBody endpoints, List<Route> routes, Route fallbackRoute, List<JsonNode> enrichments) {
    }

    record EndpointsBody(List<WorkspaceTableEndpoint> workspaceTables, List<JsonNode> eventHubs, List<JsonNode> serviceBusQueues,
            List<JsonNode> serviceBusTopics, List<JsonNode> storageContainers, List<JsonNode> cosmosDBSqlContainers) {
    }

    record RoutingView(EndpointsView endpoints, List<Route> routes, Route fallbackRoute, List<Object> enrichments) {
    }

    record EndpointsView(List<WorkspaceTableEndpoint> workspaceTables, List<Object> eventHubs, List<Object> serviceBusQueues,
            List<Object> serviceBusTopics, List<Object> storageContainers, List<Object> cosmosDBSqlContainers) {
    }

    /** A test message as IoT Hub's route test takes it: the body as text, application and system properties. */
    record TestMessage(String body, Map<String, String> appProperties, Map<String, String> systemProperties) {
    }

    record TestRouteBody(TestMessage message, Route route, JsonNode twin) {
    }

    record TestAllRoutesBody(String routingSource, TestMessage message, JsonNode twin) {
    }

    static HubRouting read(String hubName, RoutingBody body) {
        EndpointsBody endpoints = body.endpoints();
        if (endpoints != null) {
            refuseOther("eventHubs", endpoints.eventHubs());
            refuseOther("serviceBusQueues", endpoints.serviceBusQueues());
            refuseOther("serviceBusTopics", endpoints.serviceBusTopics());
            refuseOther("storageContainers", endpoints.storageContainers());
            refuseOther("cosmosDBSqlContainers", endpoints.cosmosDBSqlContainers());
        }
        if (body.enrichments() != null && !body.enrichments().isEmpty()) {
            throw new InvalidRoutingException("'enrichments' are not supported by Vigil's routing; leave them out");
        }
        return new HubRouting(hubName, endpoints == null ? List.of() : endpoints.workspaceTables(), body.routes(), body.fallbackRoute());
    }

    static RoutingView view(HubRouting routing) {
        return new RoutingView(new EndpointsView(routing.endpoints(), List.of(), List.of(), List.of(), List.of(), List.of()), routing.routes(),
                routing.fallbackRoute(), List.of());
    }

    private static void refuseOther(String kind, List<JsonNode> endpoints) {
        if (endpoints != null && !endpoints.isEmpty()) {
            throw new InvalidRoutingException("'endpoints." + kind + "': Vigil has no " + kind + "; its routing endpoints are 'workspaceTables'"
                    + " ({\"name\", \"workspace\", \"tableName\": \"..._CL\"})");
        }
    }
}
