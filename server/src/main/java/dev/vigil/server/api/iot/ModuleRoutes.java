package dev.vigil.server.api.iot;

import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Module;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Module identities under a device: create or set the status, read, list, delete, keys and
 * connection strings (Owner), enable and disable (Contributor). Disabling or deleting a module
 * closes its live connection.
 */
final class ModuleRoutes {
    private final IotRegistry registry;
    private final IotScopeAuthorization authorization;
    private final DeviceViews views;
    private final String domain;

    ModuleRoutes(IotRegistry registry, IotScopeAuthorization authorization, DeviceViews views, String domain) {
        this.registry = registry;
        this.authorization = authorization;
        this.views = views;
        this.domain = domain;
    }

    void register(RoutesConfig routes) {
        String module = IotRegistryRoutes.MODULE;
        routes.get(IotRegistryRoutes.DEVICE + "/modules", ctx -> {
            IotHub hub = hub(ctx, Access.READ);
            ctx.json(Map.of("value", registry.modules(hub, ctx.pathParam("deviceId")).stream().map(views::view).toList()));
        });
        routes.put(module, this::putModule);
        routes.get(module, ctx -> ctx.json(views.view(module(ctx, hub(ctx, Access.READ)))));
        routes.delete(module, ctx -> {
            IotHub hub = hub(ctx, Access.WRITE);
            noteModule(ctx, hub);
            registry.deleteModule(hub, ctx.pathParam("deviceId"), ctx.pathParam("moduleId"));
        });
        routes.post(module + "/listKeys", ctx -> {
            IotHub hub = hub(ctx, Access.READ_KEYS);
            noteModule(ctx, hub);
            Module found = module(ctx, hub);
            ctx.json(IotJson.keys(hub.hostName(domain), found.deviceId(), found.moduleId(), found.primaryKey(), found.secondaryKey()));
        });
        routes.post(module + "/disable", ctx -> setStatus(ctx, DeviceStatus.DISABLED));
        routes.post(module + "/enable", ctx -> setStatus(ctx, DeviceStatus.ENABLED));
    }

    private void putModule(Context ctx) {
        IotHub hub = hub(ctx, Access.WRITE);
        IotJson.ModuleBody body = ctx.body().isBlank() ? new IotJson.ModuleBody(null) : ctx.bodyAsClass(IotJson.ModuleBody.class);
        DeviceStatus status = body.status() == null ? DeviceStatus.ENABLED : DeviceStatus.fromText(body.status());
        noteModule(ctx, hub);
        AuditNotes.put(ctx, "created", registry.findModule(hub.name(), ctx.pathParam("deviceId"), ctx.pathParam("moduleId")).isEmpty());
        AuditNotes.put(ctx, "moduleStatus", status.text());
        ctx.json(views.view(registry.putModule(hub, ctx.pathParam("deviceId"), ctx.pathParam("moduleId"), status)));
    }

    private void setStatus(Context ctx, DeviceStatus status) {
        IotHub hub = hub(ctx, Access.WRITE);
        noteModule(ctx, hub);
        AuditNotes.put(ctx, "moduleStatus", status.text());
        ctx.json(views.view(registry.setModuleStatus(hub, ctx.pathParam("deviceId"), ctx.pathParam("moduleId"), status)));
    }

    private Module module(Context ctx, IotHub hub) {
        return registry.module(hub, ctx.pathParam("deviceId"), ctx.pathParam("moduleId"));
    }

    /** The module the path names, by its ARM-style id, for the request's audit row. */
    static void noteModule(Context ctx, IotHub hub) {
        AuditNotes.put(ctx, "resourceId", hub.resourceId() + "/devices/" + ctx.pathParam("deviceId") + "/modules/" + ctx.pathParam("moduleId"));
    }

    private IotHub hub(Context ctx, Access access) {
        return IotRegistryRoutes.hub(ctx, registry, authorization, access);
    }
}
