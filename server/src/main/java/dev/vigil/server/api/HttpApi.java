package dev.vigil.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.health.HealthRoutes;
import dev.vigil.server.api.ingestion.IngestionRoutes;
import dev.vigil.server.api.iot.IotApi;
import dev.vigil.server.api.metrics.HttpRequestTimer;
import dev.vigil.server.api.metrics.MetricsRoutes;
import dev.vigil.server.api.openapi.OpenApiRoutes;
import dev.vigil.server.api.query.QueryRoutes;
import dev.vigil.server.api.tables.TableRoutes;
import dev.vigil.server.identity.ApiKeyStore;
import dev.vigil.server.identity.BearerAuthentication;
import dev.vigil.workspace.api.LogStore;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wires the HTTP API: authentication, metrics, error mapping and every area's routes. */
public final class HttpApi {
    /** Paths served without authentication. */
    public static final Set<String> OPEN_PATHS = Set.of(HealthRoutes.PATH);

    private final Javalin javalin;
    private final List<String> routes;

    private HttpApi(Javalin javalin, List<String> routes) {
        this.javalin = javalin;
        this.routes = routes;
    }

    public static HttpApi create(LogStore logStore, ApiKeyStore keys, PrometheusMeterRegistry registry, long maxBodyBytes, IotApi iot) {
        ObjectMapper mapper = ApiJson.newMapper();
        List<String> routes = new CopyOnWriteArrayList<>();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = maxBodyBytes;
            config.requestLogger.http(new HttpRequestTimer(registry));
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod() && handler.getHttpMethod() != HandlerType.HEAD) {
                    routes.add(handler.getHttpMethod().name() + " " + handler.getPath());
                }
            });
            BearerAuthentication bearer = new BearerAuthentication(keys, OPEN_PATHS);
            config.routes.before(ctx -> {
                if (!IotApi.isDevicePath(ctx.path())) {
                    bearer.handle(ctx);
                }
            });
            ErrorResponses.register(config.routes);
            new HealthRoutes().register(config.routes);
            new MetricsRoutes(registry).register(config.routes);
            new OpenApiRoutes().register(config.routes);
            new TableRoutes(logStore).register(config.routes);
            new IngestionRoutes(logStore, mapper, maxBodyBytes).register(config.routes);
            new QueryRoutes(logStore).register(config.routes);
            iot.register(config.routes);
        });
        return new HttpApi(javalin, routes);
    }

    public Javalin javalin() {
        return javalin;
    }

    /** Every route as {@code METHOD /path/{param}}, in registration order. */
    public List<String> routes() {
        return List.copyOf(routes);
    }
}
