package dev.vigil.server.api.identity;

import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.UnsupportedMediaTypeException;
import dev.vigil.server.api.access.AuthenticationMethod;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.access.RequestAuthentication;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.identity.IssuedSession;
import dev.vigil.server.identity.LoginFailedException;
import dev.vigil.server.identity.LoginThrottle;
import dev.vigil.server.identity.Session;
import dev.vigil.server.identity.SessionStore;
import dev.vigil.server.identity.User;
import dev.vigil.server.identity.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Console sessions: password login, the current session, logout. Login is the one route besides
 * health that takes no credentials, so it is throttled ({@link LoginThrottle}) and takes only
 * JSON, which a cross-site form cannot send.
 */
public final class SessionRoutes {
    public static final String PATH = "/api/session";

    private final UserStore users;
    private final SessionStore sessions;
    private final LoginThrottle throttle;

    public SessionRoutes(UserStore users, SessionStore sessions, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::login);
        routes.get(PATH, this::current);
        routes.delete(PATH, this::logout);
    }

    private void login(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        if (!contentType.toLowerCase().startsWith("application/json")) {
            throw new UnsupportedMediaTypeException(contentType, List.of("application/json"));
        }
        LoginJson login = ctx.bodyAsClass(LoginJson.class).validated();
        AuditNotes.attemptedUser(ctx, login.username());
        String address = ctx.ip();
        throttle.checkAllowed(login.username(), address);
        User user = users.verifyPassword(login.username(), login.password()).orElseThrow(() -> {
            throttle.recordFailure(login.username(), address);
            return new LoginFailedException("The user name or password is not correct.");
        });
        throttle.recordSuccess(login.username(), address);
        sessions.end(ctx.cookie(RequestAuthentication.SESSION_COOKIE)); // a new id at every login: no fixation
        IssuedSession issued = sessions.create(user.principal());
        ctx.header("Set-Cookie", cookie(ctx, issued.id(), SessionStore.ABSOLUTE_TIMEOUT.toSeconds()));
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(json(issued.session()));
    }

    private void current(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(json(requireSession(ctx)));
    }

    private void logout(Context ctx) {
        requireSession(ctx);
        sessions.end(ctx.cookie(RequestAuthentication.SESSION_COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.status(204);
    }

    private static Session requireSession(Context ctx) {
        Caller caller = Caller.of(ctx);
        if (caller.method() != AuthenticationMethod.SESSION) {
            throw new InvalidRequestException("This request was not made with a session cookie; '" + PATH + "' is about console sessions.");
        }
        return caller.session();
    }

    private SessionJson json(Session session) {
        return new SessionJson(session.principal().id(), session.csrfToken(), session.createdAt(), sessions.expiresAt(session),
                SessionStore.IDLE_TIMEOUT.toSeconds(), session.createdAt().plus(SessionStore.ABSOLUTE_TIMEOUT));
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Secure when served over TLS. */
    private static String cookie(Context ctx, String value, long maxAgeSeconds) {
        boolean tls = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return RequestAuthentication.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "");
    }
}
