package dev.vigil.server.api.iot;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.DeviceSecurityGroup;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.ResourceGroup;
import dev.vigil.iot.registry.Subscription;
import dev.vigil.iot.routing.HubRouting;
import dev.vigil.iot.routing.MessageRouter;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * Subscriptions, resource groups, IoT hubs, their security settings, device security groups and
 * devices, under ARM-like paths. Every handler names the subscription to {@link IotScopeAuthorization}
 * before it touches anything; every change notes what it changed for the audit trail.
 */
public final class IotRegistryRoutes {
    static final String SUB = "/api/subscriptions/{sub}";
    static final String RG = SUB + "/resourceGroups/{rg}";
    static final String HUBS = RG + "/providers/Microsoft.Devices/IotHubs";
    static final String HUB = HUBS + "/{hub}";
    static final String DEVICE = HUB + "/devices/{deviceId}";
    static final String MODULE = DEVICE + "/modules/{moduleId}";
    static final String GROUPS = HUB + "/providers/Microsoft.Security/deviceSecurityGroups";
    static final String SOLUTION = HUB + "/providers/Microsoft.Security/iotSecuritySolutions/default";

    private final IotRegistry registry;
    private final IotScopeAuthorization authorization;
    private final DeviceViews devices;
    private final String domain;
    private final HubWorkspaceLink workspaceLink;
    private final MessageRouter router;

    IotRegistryRoutes(IotRegistry registry, IotScopeAuthorization authorization, DeviceViews devices, String domain, HubWorkspaceLink workspaceLink,
            MessageRouter router) {
        this.router = router;
        this.registry = registry;
        this.authorization = authorization;
        this.devices = devices;
        this.domain = domain;
        this.workspaceLink = workspaceLink;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/subscriptions", this::listSubscriptions);
        routes.put(SUB, this::putSubscription);
        routes.get(SUB, ctx -> ctx.json(registry.subscription(sub(ctx, Access.READ))));
        routes.delete(SUB, this::deleteSubscription);
        routes.get(SUB + "/resourceGroups", ctx -> ctx.json(Map.of("value", registry.resourceGroups(sub(ctx, Access.READ)).stream().map(IotJson::group).toList())));
        routes.put(RG, this::putResourceGroup);
        routes.get(RG, ctx -> ctx.json(IotJson.group(registry.resourceGroup(sub(ctx, Access.READ), ctx.pathParam("rg")))));
        routes.delete(RG, this::deleteResourceGroup);
        routes.get(HUBS, ctx -> ctx.json(Map.of("value", registry.hubs(sub(ctx, Access.READ), ctx.pathParam("rg")).stream().map(this::hubView).toList())));
        routes.put(HUB, this::putHub);
        routes.get(HUB, ctx -> ctx.json(hubView(hub(ctx, Access.READ))));
        routes.delete(HUB, this::deleteHub);
        routes.put(SOLUTION, this::putSecuritySolution);
        routes.get(SOLUTION, ctx -> ctx.json(IotJson.securitySolution(hub(ctx, Access.READ))));
        routes.get(GROUPS, this::listGroups);
        routes.put(GROUPS + "/{group}", this::putGroup);
        routes.get(GROUPS + "/{group}", ctx -> {
            IotHub hub = hub(ctx, Access.READ);
            ctx.json(IotJson.securityGroup(hub, registry.deviceSecurityGroup(hub, ctx.pathParam("group"))));
        });
        routes.delete(GROUPS + "/{group}", ctx -> {
            IotHub hub = hub(ctx, Access.WRITE);
            AuditNotes.put(ctx, "resourceId", IotJson.securityGroupId(hub, ctx.pathParam("group")));
            registry.deleteDeviceSecurityGroup(hub, ctx.pathParam("group"));
        });
        routes.get(HUB + "/devices", ctx -> {
            IotHub hub = hub(ctx, Access.READ);
            ctx.json(Map.of("value", registry.devices(hub).stream().map(d -> devices.view(hub, d)).toList()));
        });
        routes.put(DEVICE, this::putDevice);
        routes.get(DEVICE, ctx -> {
            IotHub hub = hub(ctx, Access.READ);
            ctx.json(devices.view(hub, registry.device(hub, ctx.pathParam("deviceId"))));
        });
        routes.delete(DEVICE, ctx -> {
            IotHub hub = hub(ctx, Access.WRITE);
            noteDevice(ctx, hub);
            registry.deleteDevice(hub, ctx.pathParam("deviceId"));
        });
        routes.post(DEVICE + "/listKeys", ctx -> {
            IotHub hub = hub(ctx, Access.READ_KEYS);
            noteDevice(ctx, hub);
            var device = registry.device(hub, ctx.pathParam("deviceId"));
            ctx.json(IotJson.keys(hub.hostName(domain), device.deviceId(), null, device.primaryKey(), device.secondaryKey()));
        });
    }

    /** Only the subscriptions the caller holds a role on, as every other list: the others do not exist for it. */
    private void listSubscriptions(Context ctx) {
        ctx.json(Map.of("value", registry.subscriptions().stream().filter(s -> authorization.canSee(ctx, s.subscriptionId())).toList()));
    }

    private void putSubscription(Context ctx) {
        String id = sub(ctx, Access.WRITE);
        IotJson.SubscriptionBody body = ctx.body().isBlank() ? new IotJson.SubscriptionBody(null) : ctx.bodyAsClass(IotJson.SubscriptionBody.class);
        AuditNotes.put(ctx, "subscription", id);
        AuditNotes.put(ctx, "displayName", body.displayName());
        ctx.json(registry.putSubscription(new Subscription(id, body.displayName())));
    }

    private void deleteSubscription(Context ctx) {
        String id = sub(ctx, Access.WRITE);
        AuditNotes.put(ctx, "subscription", id);
        registry.deleteSubscription(id);
        ctx.status(200);
    }

    private void putResourceGroup(Context ctx) {
        ResourceGroup group = registry.putResourceGroup(sub(ctx, Access.WRITE), ctx.pathParam("rg"));
        AuditNotes.put(ctx, "resourceId", group.resourceId());
        ctx.json(IotJson.group(group));
    }

    private void deleteResourceGroup(Context ctx) {
        ResourceGroup group = registry.resourceGroup(sub(ctx, Access.WRITE), ctx.pathParam("rg"));
        AuditNotes.put(ctx, "resourceId", group.resourceId());
        registry.deleteResourceGroup(group.subscriptionId(), group.name());
    }

    /** Creates the hub or replaces its settings; pointing it at a workspace is checked as {@link HubWorkspaceLink} says. */
    private void putHub(Context ctx) {
        String sub = sub(ctx, Access.WRITE);
        String rg = ctx.pathParam("rg");
        String name = ctx.pathParam("hub");
        IotJson.HubBody body = ctx.body().isBlank() ? new IotJson.HubBody(null) : ctx.bodyAsClass(IotJson.HubBody.class);
        HubSecuritySettings security = body.properties() == null || body.properties().securitySettings() == null
                ? HubSecuritySettings.defaults() : body.properties().securitySettings();
        registry.resourceGroup(sub, rg);
        Optional<IotHub> existing = registry.findHub(name).filter(h -> h.subscriptionId().equals(sub) && h.resourceGroup().equals(rg));
        workspaceLink.authorize(ctx, existing.map(IotHub::security), security);
        Optional<HubRouting> routing = Optional.ofNullable(body.properties()).map(IotJson.HubPropertiesBody::routing)
                .map(r -> RoutingJson.read(name, r));
        if (routing.isPresent()) {
            MessageRouter.check(routing.get());
            workspaceLink.authorizeRouting(ctx, existing.map(h -> router.routing(h.name())).orElseGet(() -> HubRouting.none(name)), routing.get());
        } else if (registry.findHub(name).isEmpty()) {
            router.remove(name); // a hub made anew starts without the routes of a deleted one of that name
        }
        IotHub hub = registry.putHub(sub, rg, name, security);
        routing.ifPresent(router::configure);
        AuditNotes.put(ctx, "resourceId", hub.resourceId());
        AuditNotes.put(ctx, "created", existing.isEmpty());
        ctx.json(hubView(hub));
    }

    private IotJson.Resource hubView(IotHub hub) {
        return IotJson.hub(hub, domain, router.routing(hub.name()));
    }

    private void deleteHub(Context ctx) {
        IotHub hub = hub(ctx, Access.WRITE);
        AuditNotes.put(ctx, "resourceId", hub.resourceId());
        AuditNotes.put(ctx, "workspace", hub.security().workspace());
        AuditNotes.put(ctx, "devices", registry.devices(hub).size());
        registry.deleteHub(hub.subscriptionId(), hub.resourceGroup(), hub.name());
        router.remove(hub.name());
    }

    private void putSecuritySolution(Context ctx) {
        IotHub hub = hub(ctx, Access.WRITE);
        HubSecuritySettings settings = ctx.bodyAsClass(IotJson.SecuritySolutionBody.class).properties();
        if (settings == null) {
            throw new InvalidResourceException("'properties' is required: {status, workspace, export, collectedEventNames}");
        }
        workspaceLink.authorize(ctx, Optional.of(hub.security()), settings);
        AuditNotes.put(ctx, "resourceId", hub.resourceId());
        ctx.json(IotJson.securitySolution(registry.putSecuritySettings(hub.subscriptionId(), hub.resourceGroup(), hub.name(), settings)));
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
        AuditNotes.put(ctx, "resourceId", IotJson.securityGroupId(hub, group.name()));
        ctx.json(IotJson.securityGroup(hub, registry.putDeviceSecurityGroup(group)));
    }

    private void putDevice(Context ctx) {
        IotHub hub = hub(ctx, Access.WRITE);
        IotJson.DeviceBody body = ctx.body().isBlank() ? new IotJson.DeviceBody(null, null) : ctx.bodyAsClass(IotJson.DeviceBody.class);
        DeviceStatus status = body.status() == null ? DeviceStatus.ENABLED : DeviceStatus.fromText(body.status());
        noteDevice(ctx, hub);
        AuditNotes.put(ctx, "created", registry.findDevice(hub.name(), ctx.pathParam("deviceId")).isEmpty());
        AuditNotes.put(ctx, "deviceStatus", status.text());
        ctx.json(devices.view(hub, registry.putDevice(hub, ctx.pathParam("deviceId"), status, body.tags())));
    }

    /** The device the path names, by its ARM-style id, for the request's audit row. */
    static void noteDevice(Context ctx, IotHub hub) {
        AuditNotes.put(ctx, "resourceId", hub.resourceId() + "/devices/" + ctx.pathParam("deviceId"));
    }

    private String sub(Context ctx, Access access) {
        String subscriptionId = ctx.pathParam("sub");
        authorization.require(ctx, subscriptionId, access);
        return subscriptionId;
    }

    static IotHub hub(Context ctx, IotRegistry registry, IotScopeAuthorization authorization, Access access) {
        String subscriptionId = ctx.pathParam("sub");
        authorization.require(ctx, subscriptionId, access);
        return registry.hub(subscriptionId, ctx.pathParam("rg"), ctx.pathParam("hub"));
    }

    /**
     * The device ({@link #DEVICE}) or module ({@link #MODULE}) the path names, once the caller's
     * access and its existence are checked, noted by its ARM-style id for the request's audit row.
     */
    static DeviceAddress target(Context ctx, IotRegistry registry, IotScopeAuthorization authorization, Access access, boolean module) {
        IotHub hub = hub(ctx, registry, authorization, access);
        String deviceId = ctx.pathParam("deviceId");
        if (!module) {
            registry.device(hub, deviceId);
            noteDevice(ctx, hub);
            return DeviceAddress.device(hub.name(), deviceId);
        }
        // the module's lookup finds its device first, and names the device when it is the one missing
        registry.module(hub, deviceId, ctx.pathParam("moduleId"));
        ModuleRoutes.noteModule(ctx, hub);
        return DeviceAddress.module(hub.name(), deviceId, ctx.pathParam("moduleId"));
    }

    private IotHub hub(Context ctx, Access access) {
        return registry.hub(sub(ctx, access), ctx.pathParam("rg"), ctx.pathParam("hub"));
    }
}
