package dev.vigil.server.api.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Liveness for load balancers and orchestrators; needs no key. */
public final class HealthRoutes {
    public static final String PATH = "/healthz";

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::health);
    }

    private void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }
}
