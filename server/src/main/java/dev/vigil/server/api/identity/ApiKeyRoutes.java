package dev.vigil.server.api.identity;

import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.identity.ApiKey;
import dev.vigil.server.identity.ApiKeyStore;
import dev.vigil.server.identity.IssuedApiKey;
import dev.vigil.server.identity.User;
import dev.vigil.server.identity.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;

/**
 * A user's API keys: created (the text shown once), listed, revoked. A user manages its own keys;
 * an Owner of {@code /} manages everyone's. A key acts as its user, so it can never do more.
 */
public final class ApiKeyRoutes {
    private final UserStore users;
    private final ApiKeyStore keys;
    private final Clock clock;

    public ApiKeyRoutes(UserStore users, ApiKeyStore keys, Clock clock) {
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/users/{user}/keys", this::list);
        routes.post("/api/users/{user}/keys", this::create);
        routes.delete("/api/users/{user}/keys/{key}", this::revoke);
    }

    private void list(Context ctx) {
        User user = requireUser(ctx);
        var listed = keys.listFor(user.principal()).stream().map(key -> ApiKeyJson.of(key, clock.instant())).toList();
        ctx.json(Map.of("keys", listed));
    }

    private void create(Context ctx) {
        User user = requireUser(ctx);
        NewApiKeyJson body = ctx.bodyAsClass(NewApiKeyJson.class);
        IssuedApiKey issued = keys.issue(user.principal(), body.description(), body.optionalExpiry());
        AuditNotes.put(ctx, "user", user.name());
        AuditNotes.put(ctx, "keyId", issued.key().id());
        ctx.header("Location", "/api/users/" + user.name() + "/keys/" + issued.key().id());
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(ApiKeyJson.of(issued.key(), clock.instant(), issued.text()));
    }

    private void revoke(Context ctx) {
        User user = requireUser(ctx);
        AuditNotes.put(ctx, "user", user.name());
        AuditNotes.put(ctx, "keyId", ctx.pathParam("key"));
        ApiKey revoked = keys.revoke(user.principal(), ctx.pathParam("key"));
        ctx.json(ApiKeyJson.of(revoked, clock.instant()));
    }

    private User requireUser(Context ctx) {
        String name = ctx.pathParam("user");
        UserRoutes.requireSelfOrRootOwner(ctx, name);
        return users.require(name);
    }
}
