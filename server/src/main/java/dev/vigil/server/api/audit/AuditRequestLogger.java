package dev.vigil.server.api.audit;

import dev.vigil.server.access.Scope;
import dev.vigil.server.api.ApiError;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.access.RequestAuthentication;
import dev.vigil.server.audit.AuditEvent;
import dev.vigil.server.audit.AuditTrail;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records, after each request is answered, every state-changing call (whatever its outcome) and
 * every refused one (401, 403, 429), reads included, and every read answered 404: probing for
 * what one may not see is answered "not found", so that is where it shows. Reads that succeed are
 * not recorded. A 404 given because the caller holds no role on the scope is recorded as
 * {@code Denied}, one for something missing as {@code Failed}. Messages that devices send and that
 * are accepted are telemetry, not changes: like MQTT publishes they leave no audit row (at fleet
 * rates that would be one row per message), while their refusals do.
 */
public final class AuditRequestLogger implements RequestLogger {
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 429);
    private static final int NOT_FOUND = 404;
    private static final String DEVICE_ENDPOINT = "/devices/";
    /** The first route prefix that matches names the category; order matters. */
    private static final List<Map.Entry<String, String>> CATEGORIES = List.of(
            Map.entry("/api/session", "Authentication"),
            Map.entry("/api/users/{user}/keys", "ApiKey"),
            Map.entry("/api/users", "User"),
            Map.entry("/api/roleAssignments", "RoleAssignment"),
            Map.entry("/api/workspaces/{workspace}/tables/{table}/rows", "Ingestion"),
            Map.entry("/api/workspaces/{workspace}/tables", "Table"),
            Map.entry("/api/workspaces/{workspace}/functions", "Function"),
            Map.entry("/api/workspaces/{workspace}/dataConnectors", "DataConnector"),
            Map.entry("/api/workspaces/{workspace}/incidents", "Incident"),
            Map.entry("/api/workspaces/{workspace}/automationRules", "AutomationRule"),
            Map.entry("/api/workspaces/{workspace}/watchlists", "Watchlist"),
            Map.entry("/api/workspaces/{workspace}/playbooks", "Playbook"),
            Map.entry("/api/workspaces/{workspace}/bookmarks", "Bookmark"),
            Map.entry("/api/workspaces/{workspace}/contentPacks", "ContentPack"),
            Map.entry("/v1/workspaces/{workspace}/explain", "Query"),
            Map.entry("/api/workspaces", "Workspace"),
            Map.entry("/v1/workspaces/{workspace}/query", "Query"),
            Map.entry("/api/subscriptions/{sub}/providers/Microsoft.Security/iotAlert", "IotAlert"),
            Map.entry("/api/subscriptions", "IoT"),
            Map.entry(DEVICE_ENDPOINT, "Device"));

    private static final Logger LOG = LoggerFactory.getLogger(AuditRequestLogger.class);

    private final AuditTrail trail;
    private final Clock clock;

    public AuditRequestLogger(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        try {
            record(ctx, executionTimeMs);
        } catch (RuntimeException e) {
            // the answer is sent already; the failure must at least reach the log
            LOG.error("could not record {} {} in the audit trail", ctx.method(), ctx.path(), e);
        }
    }

    private void record(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        if (READS.contains(ctx.method()) && !REFUSALS.contains(status) && status != NOT_FOUND) {
            return;
        }
        if (ctx.path().startsWith(DEVICE_ENDPOINT) && status < 400) {
            return;
        }
        boolean hidden = Boolean.TRUE.equals(ctx.attribute(Authorization.HIDDEN_ATTRIBUTE));
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? ctx.path() : matched.path;
        Optional<Caller> caller = Caller.find(ctx);
        Scope scope = ctx.attribute(Authorization.SCOPE_ATTRIBUTE);
        ApiError error = ctx.attribute(ApiError.ATTRIBUTE);
        String presentedKeyId = ctx.attribute(RequestAuthentication.PRESENTED_KEY_ID);
        String attemptedUser = ctx.attribute(AuditNotes.ATTEMPTED_USER);
        trail.record(new AuditEvent(
                clock.instant(),
                ctx.method().name() + " " + route,
                category(route, status, hidden),
                caller.map(c -> c.principal().id()).orElse(attemptedUser),
                caller.map(c -> c.method().displayName()).orElse(presentedKeyId != null ? "ApiKey" : attemptedUser != null ? "Password" : ""),
                caller.map(Caller::apiKeyId).orElse(presentedKeyId),
                ctx.ip(),
                ctx.method().name(),
                ctx.path(),
                scope == null ? "" : scope.path(),
                status,
                outcome(status, hidden),
                error == null ? "" : error.error().code(),
                error == null ? "" : error.error().message(),
                executionTimeMs,
                UUID.randomUUID(),
                AuditNotes.properties(ctx),
                workspaces(scope, ctx)));
    }

    /** The workspace of the scope, and those the handler noted: the row is written to each as well as to the audit workspace. */
    private static Set<String> workspaces(Scope scope, Context ctx) {
        Set<String> workspaces = new LinkedHashSet<>(AuditNotes.workspaces(ctx));
        if (scope instanceof Scope.Workspace workspace) {
            workspaces.add(workspace.id());
        }
        return workspaces;
    }

    private static String category(String route, int status, boolean hidden) {
        if (status == 401) {
            return "Authentication";
        }
        if (status == 403 || hidden) {
            return "Authorization";
        }
        return CATEGORIES.stream().filter(c -> route.startsWith(c.getKey())).map(Map.Entry::getValue).findFirst().orElse("Api");
    }

    private static AuditEvent.Outcome outcome(int status, boolean hidden) {
        if (REFUSALS.contains(status) || hidden) {
            return AuditEvent.Outcome.Denied;
        }
        return status < 400 ? AuditEvent.Outcome.Succeeded : AuditEvent.Outcome.Failed;
    }
}
