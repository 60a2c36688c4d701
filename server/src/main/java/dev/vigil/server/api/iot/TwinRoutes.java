package dev.vigil.server.api.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.twin.InvalidTwinPatchException;
import dev.vigil.iot.twin.Twin;
import dev.vigil.iot.twin.TwinUpdate;
import dev.vigil.iot.twin.Twins;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Device and module twins in IoT Hub's twin JSON: {@code GET .../twin} (Reader) and
 * {@code PATCH .../twin} with {@code {"tags":{...},"properties":{"desired":{...}}}} (Contributor),
 * optionally under {@code If-Match}; both answer the twin with its {@code ETag}.
 */
final class TwinRoutes {
    private final IotRegistry registry;
    private final Twins twins;
    private final IotScopeAuthorization authorization;
    private final DeviceViews views;

    TwinRoutes(IotRegistry registry, Twins twins, IotScopeAuthorization authorization, DeviceViews views) {
        this.registry = registry;
        this.twins = twins;
        this.authorization = authorization;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get(IotRegistryRoutes.DEVICE + "/twin", ctx -> respond(ctx, twins.twin(target(ctx, Access.READ, false))));
        routes.patch(IotRegistryRoutes.DEVICE + "/twin", ctx -> patch(ctx, false));
        routes.get(IotRegistryRoutes.MODULE + "/twin", ctx -> respond(ctx, twins.twin(target(ctx, Access.READ, true))));
        routes.patch(IotRegistryRoutes.MODULE + "/twin", ctx -> patch(ctx, true));
    }

    private void patch(Context ctx, boolean module) {
        DeviceAddress target = target(ctx, Access.WRITE, module);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new InvalidTwinPatchException("the body must be a twin patch: {\"tags\":{...},\"properties\":{\"desired\":{...}}}");
        }
        if (body.path("properties").has("reported")) {
            throw new InvalidTwinPatchException("'properties.reported' belongs to the device: the service patches tags and desired properties only");
        }
        TwinUpdate update = new TwinUpdate(objectAt(body, "tags"), objectAt(body.path("properties"), "desired"));
        List<String> changed = new ArrayList<>();
        update.tags().ifPresent(tags -> changed.add("tags"));
        update.desired().ifPresent(desired -> changed.add("properties.desired"));
        AuditNotes.put(ctx, "changed", changed);
        respond(ctx, twins.update(target, update, Optional.ofNullable(ctx.header("If-Match"))));
    }

    private void respond(Context ctx, Twin twin) {
        DeviceAddress target = twin.target();
        DeviceStatus status = target.moduleId().isPresent()
                ? registry.findModule(target.hubName(), target.deviceId(), target.moduleId().get()).map(m -> m.status()).orElse(DeviceStatus.ENABLED)
                : registry.findDevice(target.hubName(), target.deviceId()).map(d -> d.status()).orElse(DeviceStatus.ENABLED);
        ctx.header("ETag", "\"" + twin.etag() + "\"");
        ctx.json(twin.serviceView(status.text(), views.isConnected(target)));
    }

    private DeviceAddress target(Context ctx, Access access, boolean module) {
        return IotRegistryRoutes.target(ctx, registry, authorization, access, module);
    }

    private static Optional<ObjectNode> objectAt(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new InvalidTwinPatchException("'" + field + "' must be a JSON object");
        }
        return Optional.of((ObjectNode) value);
    }
}
