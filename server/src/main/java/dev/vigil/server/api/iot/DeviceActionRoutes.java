package dev.vigil.server.api.iot;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Device actions: disable, enable, cloud-to-device message, twin tags. */
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
            ctx.json(devices.view(hub, actions.disable(hub, ctx.pathParam("deviceId"))));
        });
        routes.post(IotRegistryRoutes.DEVICE + "/enable", ctx -> {
            IotHub hub = hub(ctx);
            ctx.json(devices.view(hub, actions.enable(hub, ctx.pathParam("deviceId"))));
        });
        routes.patch(IotRegistryRoutes.DEVICE + "/tags", ctx -> {
            IotHub hub = hub(ctx);
            IotJson.TagsBody body = ctx.bodyAsClass(IotJson.TagsBody.class);
            if (body.tags() == null) {
                throw new InvalidResourceException("'tags' is required: an object of tag names to strings (null removes a tag)");
            }
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
        boolean connected = actions.sendCloudToDeviceMessage(hub, ctx.pathParam("deviceId"), body.body().getBytes(StandardCharsets.UTF_8),
                body.properties() == null ? Map.of() : body.properties());
        ctx.status(202).json(Map.of("deviceConnected", connected));
    }

    private IotHub hub(Context ctx) {
        String subscriptionId = ctx.pathParam("sub");
        authorization.require(ctx, subscriptionId, Access.WRITE);
        return registry.hub(subscriptionId, ctx.pathParam("rg"), ctx.pathParam("hub"));
    }
}
