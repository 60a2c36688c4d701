package dev.vigil.server.api.iot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.routing.InvalidRoutingException;
import dev.vigil.iot.routing.MessageRouter;
import dev.vigil.iot.routing.RoutableMessage;
import dev.vigil.iot.routing.Route;
import dev.vigil.iot.routing.RouteTestResult;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * IoT Hub's route tests on a sample message, nothing routed or saved:
 * {@code POST .../IotHubs/{hub}/routing/routes/$testnew} (one route, its condition compiled here:
 * {@code {"result": "true"|"false"|"undefined", "details": {"compilationErrors": [...]}}}) and
 * {@code .../routing/routes/$testall} (the hub's saved routes the message satisfies: {@code {"routes": [{"properties": route}]}}).
 */
final class RoutingTestRoutes {
    static final String TEST_NEW = IotRegistryRoutes.HUB + "/routing/routes/$testnew";
    static final String TEST_ALL = IotRegistryRoutes.HUB + "/routing/routes/$testall";

    private final IotRegistry registry;
    private final MessageRouter router;
    private final IotScopeAuthorization authorization;
    private final Clock clock;

    RoutingTestRoutes(IotRegistry registry, MessageRouter router, IotScopeAuthorization authorization, Clock clock) {
        this.registry = registry;
        this.router = router;
        this.authorization = authorization;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post(TEST_NEW, this::testNew);
        routes.post(TEST_ALL, this::testAll);
    }

    private void testNew(Context ctx) {
        IotHub hub = IotRegistryRoutes.hub(ctx, registry, authorization, Access.READ);
        RoutingJson.TestRouteBody body = ctx.bodyAsClass(RoutingJson.TestRouteBody.class);
        if (body.route() == null) {
            throw new InvalidRoutingException("'route' is required: {name, source, condition, endpointNames, isEnabled}");
        }
        try {
            RouteTestResult result = MessageRouter.test(body.route(), message(hub, body.message(), body.twin()));
            ctx.json(Map.of("result", result.text(), "details", Map.of("compilationErrors", List.of())));
        } catch (InvalidRoutingException e) {
            if (!e.innerError().containsKey("line")) {
                throw e;
            }
            Map<String, Object> at = Map.of("line", e.innerError().get("line"), "column", e.innerError().get("column"));
            ctx.json(Map.of("result", RouteTestResult.FALSE.text(), "details", Map.of("compilationErrors",
                    List.of(Map.of("message", e.getMessage(), "severity", "error", "location", Map.of("start", at, "end", at))))));
        }
    }

    private void testAll(Context ctx) {
        IotHub hub = IotRegistryRoutes.hub(ctx, registry, authorization, Access.READ);
        RoutingJson.TestAllRoutesBody body = ctx.bodyAsClass(RoutingJson.TestAllRoutesBody.class);
        List<Route> matched = router.matchingRoutes(hub.name(), Objects.requireNonNullElse(body.routingSource(), "DeviceMessages"),
                message(hub, body.message(), body.twin()));
        ctx.json(Map.of("routes", matched.stream().map(route -> Map.of("properties", route)).toList()));
    }

    /** The sample as routing sees it; its sender is the {@code connectionDeviceId} it names, if any, and its twin the one given. */
    private RoutableMessage message(IotHub hub, RoutingJson.TestMessage sample, JsonNode twin) {
        RoutingJson.TestMessage message = sample == null ? new RoutingJson.TestMessage("", Map.of(), Map.of()) : sample;
        Map<String, String> system = Objects.requireNonNullElse(message.systemProperties(), Map.of());
        DeviceAddress sender = new DeviceAddress(hub.name(), system.getOrDefault("connectionDeviceId", ""),
                Optional.ofNullable(system.get("connectionModuleId")));
        byte[] bodyBytes = Objects.requireNonNullElse(message.body(), "").getBytes(StandardCharsets.UTF_8);
        return new RoutableMessage(sender, system, Objects.requireNonNullElse(message.appProperties(), Map.of()), bodyBytes, clock.instant(),
                address -> Optional.ofNullable(twin));
    }
}
