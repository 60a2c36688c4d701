package dev.vigil.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.connectors.ConnectorApi;
import dev.vigil.server.api.content.ContentApi;
import dev.vigil.server.api.functions.FunctionRoutes;
import dev.vigil.server.api.health.HealthRoutes;
import dev.vigil.server.api.incidents.IncidentRoutes;
import dev.vigil.server.api.ingestion.IngestionRoutes;
import dev.vigil.server.api.iot.IotApi;
import dev.vigil.server.api.metrics.HttpRequestTimer;
import dev.vigil.server.api.metrics.MetricsRoutes;
import dev.vigil.server.api.openapi.OpenApiRoutes;
import dev.vigil.server.api.query.ExplainRoutes;
import dev.vigil.server.api.query.QueryLogRecorder;
import dev.vigil.server.api.query.QueryRoutes;
import dev.vigil.server.api.query.RunningQueryRoutes;
import dev.vigil.server.api.rules.RulesApi;
import dev.vigil.server.api.automation.AutomationRuleRoutes;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.server.api.watchlists.WatchlistRoutes;
import dev.vigil.server.api.playbooks.PlaybookRoutes;
import dev.vigil.server.api.workbooks.WorkbookRoutes;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.server.api.tables.TableRoutes;
import dev.vigil.server.api.access.RequestAuthentication;
import dev.vigil.server.api.access.TrustedProxies;
import dev.vigil.server.api.admin.RoleAssignmentRoutes;
import dev.vigil.server.api.admin.WorkspaceRoutes;
import dev.vigil.server.api.audit.AuditRequestLogger;
import dev.vigil.server.api.identity.ApiKeyRoutes;
import dev.vigil.server.api.identity.SessionRoutes;
import dev.vigil.server.api.identity.UserRoutes;
import dev.vigil.server.console.ConsoleRoutes;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.query.InteractiveQueries;
import dev.vigil.server.query.QueryLog;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StorageHealth;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Wires the HTTP API: authentication, metrics, audit, error mapping and every area's routes; and the web console beside it. */
public final class HttpApi {
    /** Routes served without credentials, as {@code METHOD /path}: health, and the password login itself. */
    public static final Set<String> OPEN_ROUTES = Set.of("GET " + HealthRoutes.PATH, "HEAD " + HealthRoutes.PATH, "POST " + SessionRoutes.PATH);

    private final Javalin javalin;
    private final List<String> routes;

    private HttpApi(Javalin javalin, List<String> routes) {
        this.javalin = javalin;
        this.routes = routes;
    }

    public static HttpApi create(LogStore logStore, SecurityServices security, TrustedProxies proxies, PrometheusMeterRegistry registry,
            long maxBodyBytes, IotApi iot, Incidents incidents, ConnectorApi connectors, RulesApi rules, AutomationRules automationRules, Watchlists watchlists,
            PlaybookRoutes playbooks, Supplier<StorageHealth> storageHealth,
            InteractiveQueries queries, ConsoleRoutes console, ContentApi content, WorkbookRoutes workbooks, Optional<HttpsListener> https) {
        ObjectMapper mapper = ApiJson.newMapper();
        List<String> routes = new CopyOnWriteArrayList<>();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            https.ifPresent(listener -> listener.addTo(config));
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = maxBodyBytes;
            // ctx.ip() is the client as TrustedProxies decides: the TCP peer unless that is a trusted proxy
            config.contextResolver.ip = ctx -> proxies.clientAddress(ctx.req().getRemoteAddr(),
                    () -> Collections.list(ctx.req().getHeaders(TrustedProxies.FORWARDED_FOR)));
            HttpRequestTimer timer = new HttpRequestTimer(registry);
            AuditRequestLogger audit = new AuditRequestLogger(security.audit(), security.clock());
            QueryLogRecorder queryLog = new QueryLogRecorder(new QueryLog(logStore));
            config.requestLogger.http((ctx, executionTimeMs) -> {
                timer.handle(ctx, executionTimeMs);
                audit.handle(ctx, executionTimeMs);
                queryLog.handle(ctx, executionTimeMs);
            });
            config.events.handlerAdded(handler -> {
                // the API's routes only: the console's pages are not part of the documented API
                if (handler.getHttpMethod().isHttpMethod() && handler.getHttpMethod() != HandlerType.HEAD && !ConsolePaths.isConsole(handler.getPath())) {
                    routes.add(handler.getHttpMethod().name() + " " + handler.getPath());
                }
            });
            RequestAuthentication authentication = new RequestAuthentication(security.keys(), security.sessions(), security.access(), OPEN_ROUTES);
            config.routes.before(ctx -> {
                // device paths carry SAS tokens, checked by the device endpoint itself; the console authenticates its own pages
                if (!IotApi.isDevicePath(ctx.path()) && !ConsolePaths.isConsole(ctx.path())) {
                    authentication.handle(ctx);
                }
            });
            ErrorResponses.register(config.routes);
            new HealthRoutes(storageHealth).register(config.routes);
            new MetricsRoutes(registry).register(config.routes);
            new OpenApiRoutes().register(config.routes);
            new TableRoutes(logStore).register(config.routes);
            new IngestionRoutes(logStore, mapper, maxBodyBytes).register(config.routes);
            new QueryRoutes(queries, mapper, security.clock()).register(config.routes);
            new RunningQueryRoutes(queries.running(), security.clock()).register(config.routes);
            new ExplainRoutes(logStore).register(config.routes);
            new FunctionRoutes(logStore).register(config.routes);
            new SessionRoutes(security.users(), security.sessions(), security.throttle()).register(config.routes);
            new UserRoutes(security.users(), security.keys(), security.sessions(), security.access(), security.throttle()).register(config.routes);
            new ApiKeyRoutes(security.users(), security.keys(), security.clock()).register(config.routes);
            new RoleAssignmentRoutes(security.access(), security.users(), logStore).register(config.routes);
            new WorkspaceRoutes(logStore).register(config.routes);
            iot.register(config.routes);
            connectors.register(config.routes);
            content.register(config.routes, mapper);
            rules.register(config.routes);
            new AutomationRuleRoutes(automationRules, mapper).register(config.routes);
            new WatchlistRoutes(watchlists, mapper).register(config.routes);
            playbooks.register(config.routes);
            new IncidentRoutes(incidents, mapper).register(config.routes);
            workbooks.register(config.routes);
            console.configure(config, authentication);
        });
        return new HttpApi(javalin, routes);
    }

    public Javalin javalin() {
        return javalin;
    }

    /** Every API route (not the console's pages) as {@code METHOD /path/{param}}, in registration order. */
    public List<String> routes() {
        return List.copyOf(routes);
    }
}
