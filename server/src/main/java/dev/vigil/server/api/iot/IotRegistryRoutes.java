package dev.vigil.server.api.iot;

import dev.vigil.iot.registry.DeviceSecurityGroup;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.Subscription;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Subscriptions, resource groups, IoT hubs, their security settings, device security groups and
 * devices, under ARM-like paths. Every handler names the subscription to {@link IotScopeAuthorization}
 * before it touches anything.
 */
public final class IotRegistryRoutes {
    static final String SUB = "/api/subscriptions/{sub}";
    static final String RG = SUB + "/resourceGroups/{rg}";
    static final String HUBS = RG + "/providers/Microsoft.Devices/IotHubs";
    static final String HUB = HUBS + "/{hub}";
    static final String DEVICE = HUB + "/devices/{deviceId}";
    static final String GROUPS = HUB + "/providers/Microsoft.Security/deviceSecurityGroups";

    private final IotRegistry registry;
    private final IotScopeAuthorization authorization;
    private final DeviceViews devices;
    private final String domain;

    public IotRegistryRoutes(IotRegistry registry, IotScopeAuthorization authorization, DeviceViews devices, String domain) {
        this.registry = registry;
        this.authorization = authorization;
        this.devices = devices;
        this.domain = domain;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/subscriptions", ctx -> ctx.json(Map.of("value", registry.subscriptions())));
        routes.put(SUB, this::putSubscription);
        routes.get(SUB, ctx -> ctx.json(registry.subscription(sub(ctx, Access.READ))));
        routes.delete(SUB, ctx -> {
            registry.deleteSubscription(sub(ctx, Access.WRITE));
            ctx.status(200);
        });
        routes.get(SUB + "/resourceGroups", ctx -> ctx.json(Map.of("value", registry.resourceGroups(sub(ctx, Access.READ)).stream().map(IotJson::group).toList())));
        routes.put(RG, ctx -> ctx.json(IotJson.group(registry.putResourceGroup(sub(ctx, Access.WRITE), ctx.pathParam("rg")))));
        routes.get(RG, ctx -> ctx.json(IotJson.group(registry.resourceGroup(sub(ctx, Access.READ), ctx.pathParam("rg")))));
        routes.delete(RG, ctx -> registry.deleteResourceGroup(sub(ctx, Access.WRITE), ctx.pathParam("rg")));
        routes.get(HUBS, ctx -> ctx.json(Map.of("value", registry.hubs(sub(ctx, Access.READ), ctx.pathParam("rg")).stream().map(h -> IotJson.hub(h, domain)).toList())));
        routes.put(HUB, this::putHub);
        routes.get(HUB, ctx -> ctx.json(IotJson.hub(hub(ctx, Access.READ), domain)));
        routes.delete(HUB, ctx -> registry.deleteHub(sub(ctx, Access.WRITE), ctx.pathParam("rg"), ctx.pathParam("hub")));
        routes.put(HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default", this::putSecuritySolution);
        routes.get(HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default", ctx -> ctx.json(IotJson.securitySolution(hub(ctx, Access.READ))));
        routes.get(GROUPS, this::listGroups);
        routes.put(GROUPS + "/{group}", this::putGroup);
        routes.get(GROUPS + "/{group}", ctx -> {
            IotHub hub = hub(ctx, Access.READ);
            ctx.json(IotJson.securityGroup(hub, registry.deviceSecurityGroup(hub, ctx.pathParam("group"))));
        });
        routes.delete(GROUPS + "/{group}", ctx -> registry.deleteDeviceSecurityGroup(hub(ctx, Access.WRITE), ctx.pathParam("group")));
        routes.get(HUB + "/devices", ctx -> {
            IotHub hub = hub(ctx, Access.READ);
            ctx.json(Map.of("value", registry.devices(hub).stream().map(d -> devices.view(hub, d)).toList()));
        });
        routes.put(DEVICE, this::putDevice);
        routes.get(DEVICE, ctx -> {
            IotHub hub = hub(ctx, Access.READ);
            ctx.json(devices.view(hub, registry.device(hub, ctx.pathParam("deviceId"))));
        });
        routes.delete(DEVICE, ctx -> registry.deleteDevice(hub(ctx, Access.WRITE), ctx.pathParam("deviceId")));
        routes.post(DEVICE + "/listKeys", ctx -> {
            var device = registry.device(hub(ctx, Access.READ_KEYS), ctx.pathParam("deviceId"));
            ctx.json(new IotJson.DeviceKeysView(device.primaryKey(), device.secondaryKey()));
        });
    }

    private void putSubscription(Context ctx) {
        String id = sub(ctx, Access.WRITE);
        IotJson.SubscriptionBody body = ctx.body().isBlank() ? new IotJson.SubscriptionBody(null) : ctx.bodyAsClass(IotJson.SubscriptionBody.class);
        ctx.json(registry.putSubscription(new Subscription(id, body.displayName())));
    }

    private void putHub(Context ctx) {
        String sub = sub(ctx, Access.WRITE);
        IotJson.HubBody body = ctx.body().isBlank() ? new IotJson.HubBody(null) : ctx.bodyAsClass(IotJson.HubBody.class);
        HubSecuritySettings security = body.properties() == null ? null : body.properties().securitySettings();
        ctx.json(IotJson.hub(registry.putHub(sub, ctx.pathParam("rg"), ctx.pathParam("hub"), security), domain));
    }

    private void putSecuritySolution(Context ctx) {
        String sub = sub(ctx, Access.WRITE);
        HubSecuritySettings settings = ctx.bodyAsClass(IotJson.SecuritySolutionBody.class).properties();
        if (settings == null) {
            throw new InvalidResourceException("'properties' is required: {status, workspace, export, collectedEventNames}");
        }
        ctx.json(IotJson.securitySolution(registry.putSecuritySettings(sub, ctx.pathParam("rg"), ctx.pathParam("hub"), settings)));
    }

    private void listGroups(Context ctx) {
        IotHub hub = hub(ctx, Access.READ);
        ctx.json(Map.of("value", registry.deviceSecurityGroups(hub).stream().map(g -> IotJson.securityGroup(hub, g)).toList()));
    }

    private void putGroup(Context ctx) {
        IotHub hub = hub(ctx, Access.WRITE);
        IotJson.SecurityGroupProperties p = ctx.bodyAsClass(IotJson.SecurityGroupBody.class).properties();
        if (p == null) {
            throw new InvalidResourceException("'properties' is required: {timeWindowRules, thresholdRules, allowlistRules, denylistRules}");
        }
        DeviceSecurityGroup group = new DeviceSecurityGroup(hub.name(), ctx.pathParam("group"), p.timeWindowRules(), p.thresholdRules(),
                p.allowlistRules(), p.denylistRules());
        ctx.json(IotJson.securityGroup(hub, registry.putDeviceSecurityGroup(group)));
    }

    private void putDevice(Context ctx) {
        IotHub hub = hub(ctx, Access.WRITE);
        IotJson.DeviceBody body = ctx.body().isBlank() ? new IotJson.DeviceBody(null, null) : ctx.bodyAsClass(IotJson.DeviceBody.class);
        DeviceStatus status = body.status() == null ? DeviceStatus.ENABLED : DeviceStatus.fromText(body.status());
        ctx.json(devices.view(hub, registry.putDevice(hub, ctx.pathParam("deviceId"), status, body.tags())));
    }

    private String sub(Context ctx, Access access) {
        String subscriptionId = ctx.pathParam("sub");
        authorization.require(ctx, subscriptionId, access);
        return subscriptionId;
    }

    private IotHub hub(Context ctx, Access access) {
        return registry.hub(sub(ctx, access), ctx.pathParam("rg"), ctx.pathParam("hub"));
    }
}
