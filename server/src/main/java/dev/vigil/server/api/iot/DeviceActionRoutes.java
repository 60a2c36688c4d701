package dev.vigil.server.api.iot;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Device actions: disable, enable, cloud-to-device message, twin tags; each noted for the audit trail (never a message's content). */
public final class DeviceActionRoutes {
    private final IotRegistry registry;
    private final DeviceActions actions;
    private final IotScopeAuthorization authorization;
    private final DeviceViews devices;

    public DeviceActionRoutes(IotRegistry registry, DeviceActions actions, IotScopeAuthorization authorization, DeviceViews devices) {
        this.registry = registry;
        this.actions = actions;
        this.authorization = authorization;
        this.devices = devices;
    }

    public void register(RoutesConfig routes) {
        routes.post(IotRegistryRoutes.DEVICE + "/disable", ctx -> {
            IotHub hub = hub(ctx);
            AuditNotes.put(ctx, "deviceStatus", DeviceStatus.DISABLED.text());
            ctx.json(devices.view(hub, actions.disable(hub, ctx.pathParam("deviceId"))));
        });
        routes.post(IotRegistryRoutes.DEVICE + "/enable", ctx -> {
            IotHub hub = hub(ctx);
            AuditNotes.put(ctx, "deviceStatus", DeviceStatus.ENABLED.text());
            ctx.json(devices.view(hub, actions.enable(hub, ctx.pathParam("deviceId"))));
        });
        routes.patch(IotRegistryRoutes.DEVICE + "/tags", ctx -> {
            IotHub hub = hub(ctx);
            IotJson.TagsBody body = ctx.bodyAsClass(IotJson.TagsBody.class);
            if (body.tags() == null) {
                throw new InvalidResourceException("'tags' is required: an object of tag names to strings (null removes a tag)");
            }
            AuditNotes.put(ctx, "tags", new TreeMap<>(body.tags()).keySet());
            ctx.json(devices.view(hub, actions.setTags(hub, ctx.pathParam("deviceId"), body.tags())));
        });
        routes.post(IotRegistryRoutes.DEVICE + "/messages/devicebound", this::sendToDevice);
    }

    private void sendToDevice(Context ctx) {
        IotHub hub = hub(ctx);
        IotJson.CloudToDeviceBody body = ctx.bodyAsClass(IotJson.CloudToDeviceBody.class);
        if (body.body() == null) {
            throw new InvalidResourceException("'body' is required: the message text");
        }
        // the message's size and property names, never its content
        AuditNotes.put(ctx, "messageBytes", body.body().getBytes(StandardCharsets.UTF_8).length);
        AuditNotes.put(ctx, "properties", body.properties() == null ? List.of() : new TreeMap<>(body.properties()).keySet());
        boolean connected = actions.sendCloudToDeviceMessage(hub, ctx.pathParam("deviceId"), body.body().getBytes(StandardCharsets.UTF_8),
                body.properties() == null ? Map.of() : body.properties());
        ctx.status(202).json(Map.of("deviceConnected", connected));
    }

    private IotHub hub(Context ctx) {
        String subscriptionId = ctx.pathParam("sub");
        authorization.require(ctx, subscriptionId, Access.WRITE);
        IotHub hub = registry.hub(subscriptionId, ctx.pathParam("rg"), ctx.pathParam("hub"));
        IotRegistryRoutes.noteDevice(ctx, hub);
        return hub;
    }
}
