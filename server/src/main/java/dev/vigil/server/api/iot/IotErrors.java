package dev.vigil.server.api.iot;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.vigil.iot.auth.DeviceAuthenticationException;
import dev.vigil.iot.message.InvalidSecurityMessageException;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.RegistryException;
import dev.vigil.iot.registry.ResourceConflictException;
import dev.vigil.iot.registry.ResourceNotFoundException;
import dev.vigil.server.api.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** How the IoT area's typed exceptions become {@code {"error":{"code","message","innererror"}}} responses. */
final class IotErrors {
    private IotErrors() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(RegistryException.class, (e, ctx) -> registry(e, ctx));
        routes.exception(ValueInstantiationException.class, IotErrors::invalidBody);
        routes.exception(DeviceAuthenticationException.class, (e, ctx) ->
                ctx.status(e.code().equals("DeviceDisabled") ? 403 : 401).json(ApiError.of(e.code(), e.getMessage(), Map.of("reason", e.reason().name()))));
        routes.exception(InvalidSecurityMessageException.class, (e, ctx) ->
                ctx.status(400).json(ApiError.of(e.code(), e.getMessage(), Map.of("path", e.path(), "rule", e.rule()))));
    }

    private static void registry(RegistryException e, Context ctx) {
        int status = e instanceof ResourceNotFoundException ? 404 : e instanceof ResourceConflictException ? 409 : 400;
        ctx.status(status).json(ApiError.of(e.code(), e.getMessage()));
    }

    /** A body whose values break a domain rule: Jackson wraps the domain's exception. */
    private static void invalidBody(ValueInstantiationException e, Context ctx) {
        if (e.getCause() instanceof RegistryException registry) {
            registry(registry, ctx);
        } else {
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            registry(new InvalidResourceException("the body is not valid: " + detail), ctx);
        }
    }
}
