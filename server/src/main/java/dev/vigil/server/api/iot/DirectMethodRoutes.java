package dev.vigil.server.api.iot;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.method.DirectMethodRequest;
import dev.vigil.iot.method.DirectMethods;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Invoking a direct method (Contributor): {@code POST .../devices/{id}/methods} or
 * {@code .../modules/{m}/methods} with IoT Hub's body; answers the device's {@code {"status","payload"}},
 * 404 {@code DeviceNotOnline} or 504 {@code GatewayTimeout}. The audit notes the method's name, never its payload.
 */
final class DirectMethodRoutes {
    private final IotRegistry registry;
    private final DirectMethods methods;
    private final IotScopeAuthorization authorization;

    DirectMethodRoutes(IotRegistry registry, DirectMethods methods, IotScopeAuthorization authorization) {
        this.registry = registry;
        this.methods = methods;
        this.authorization = authorization;
    }

    void register(RoutesConfig routes) {
        routes.post(IotRegistryRoutes.DEVICE + "/methods", ctx -> invoke(ctx, false));
        routes.post(IotRegistryRoutes.MODULE + "/methods", ctx -> invoke(ctx, true));
    }

    private void invoke(Context ctx, boolean module) {
        DeviceAddress target = IotRegistryRoutes.target(ctx, registry, authorization, Access.WRITE, module);
        IotJson.DirectMethodBody body = ctx.bodyAsClass(IotJson.DirectMethodBody.class);
        DirectMethodRequest request = DirectMethodRequest.of(body.methodName(), body.payload(), body.responseTimeoutInSeconds(),
                body.connectTimeoutInSeconds());
        AuditNotes.put(ctx, "methodName", request.methodName());
        ctx.future(() -> methods.invoke(target, request).thenAccept(result -> ctx.json(new IotJson.DirectMethodResultView(result.status(),
                result.payload()))));
    }
}
