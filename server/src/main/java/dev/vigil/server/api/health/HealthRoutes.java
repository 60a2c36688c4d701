package dev.vigil.server.api.health;

import dev.vigil.workspace.api.StorageHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * Health for load balancers and orchestrators; needs no key. 200 while the server can do its
 * work; 503, saying why, while storage takes no writes (nothing could be ingested or changed).
 * The reason names files only by their path within the data directory.
 */
public final class HealthRoutes {
    public static final String PATH = "/healthz";

    private final Supplier<StorageHealth> storage;

    public HealthRoutes(Supplier<StorageHealth> storage) {
        this.storage = storage;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::health);
    }

    private void health(Context ctx) {
        HealthJson health = HealthJson.of(storage.get());
        ctx.status(health == HealthJson.OK ? 200 : 503).json(health);
    }
}
