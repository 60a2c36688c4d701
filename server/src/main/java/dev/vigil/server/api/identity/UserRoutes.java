package dev.vigil.server.api.identity;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.identity.ApiKeyStore;
import dev.vigil.server.identity.LoginFailedException;
import dev.vigil.server.identity.LoginThrottle;
import dev.vigil.server.identity.SessionStore;
import dev.vigil.server.identity.User;
import dev.vigil.server.identity.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Local user accounts: administered by Owners of {@code /}; each user may see itself and change its own password. */
public final class UserRoutes {
    private final UserStore users;
    private final ApiKeyStore keys;
    private final SessionStore sessions;
    private final AccessControl access;
    private final LoginThrottle throttle;

    public UserRoutes(UserStore users, ApiKeyStore keys, SessionStore sessions, AccessControl access, LoginThrottle throttle) {
        this.users = users;
        this.keys = keys;
        this.sessions = sessions;
        this.access = access;
        this.throttle = throttle;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/me", this::me);
        routes.get("/api/users", this::list);
        routes.post("/api/users", this::create);
        routes.get("/api/users/{user}", this::get);
        routes.delete("/api/users/{user}", this::delete);
        routes.put("/api/users/{user}/password", this::setPassword);
    }

    private void me(Context ctx) {
        Caller caller = Caller.of(ctx);
        List<Object> assignments = List.copyOf(access.assignments().listFor(caller.principal()));
        ctx.json(new MeJson(caller.principal().id(), caller.method().displayName(), caller.apiKeyId(), assignments));
    }

    private void list(Context ctx) {
        Authorization.require(ctx, Scope.ROOT, Role.OWNER);
        ctx.json(Map.of("users", users.list().stream().map(UserJson::of).toList()));
    }

    private void create(Context ctx) {
        Authorization.require(ctx, Scope.ROOT, Role.OWNER);
        NewUserJson body = ctx.bodyAsClass(NewUserJson.class);
        AuditNotes.put(ctx, "user", body.name());
        User created = users.create(body.name(), body.optionalPassword());
        ctx.header("Location", "/api/users/" + created.name());
        ctx.status(201).json(UserJson.of(created));
    }

    private void get(Context ctx) {
        String name = ctx.pathParam("user");
        requireSelfOrRootOwner(ctx, name);
        ctx.json(UserJson.of(users.require(name)));
    }

    /** Deletes the user with its role assignments, keys and sessions. */
    private void delete(Context ctx) {
        Authorization.require(ctx, Scope.ROOT, Role.OWNER);
        User user = users.require(ctx.pathParam("user"));
        AuditNotes.put(ctx, "user", user.name());
        access.assignments().revokeAll(user.principal());
        keys.revokeAll(user.principal());
        sessions.endAll(user.principal());
        users.delete(user.name());
        ctx.status(204);
    }

    /** An Owner of {@code /} resets anyone's password; a user changes its own by giving the current one. Ends the user's sessions. */
    private void setPassword(Context ctx) {
        String name = ctx.pathParam("user");
        Caller caller = Caller.of(ctx);
        PasswordJson body = ctx.bodyAsClass(PasswordJson.class);
        AuditNotes.put(ctx, "user", name);
        boolean self = caller.principal().id().equals(name);
        if (!self || access.assignments().effectiveRole(caller.principal(), Scope.ROOT).isPresent()) {
            Authorization.require(ctx, Scope.ROOT, Role.OWNER);
        } else {
            requireCurrentPassword(ctx, name, body.currentPassword());
        }
        if (body.password() == null) {
            throw new InvalidRequestException("The body needs the new 'password'.");
        }
        users.setPassword(name, body.password());
        sessions.endAll(users.require(name).principal());
        ctx.status(204);
    }

    /** Checking the current password is a password guess like a login, so it is throttled like one. */
    private void requireCurrentPassword(Context ctx, String name, String currentPassword) {
        throttle.checkAllowed(name, ctx.ip());
        if (currentPassword == null || users.verifyPassword(name, currentPassword).isEmpty()) {
            throttle.recordFailure(name, ctx.ip());
            throw new LoginFailedException("The current password is not correct; give it as 'currentPassword' to change your own password.");
        }
    }

    /** Any user may read itself; reading others needs Owner on {@code /}. */
    static void requireSelfOrRootOwner(Context ctx, String userName) {
        if (!Caller.of(ctx).principal().id().equals(userName)) {
            Authorization.require(ctx, Scope.ROOT, Role.OWNER);
        }
    }
}
