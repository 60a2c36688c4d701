package dev.vigil.server.api.access;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.identity.ApiKey;
import dev.vigil.server.identity.ApiKeyStore;
import dev.vigil.server.identity.AuthenticationException;
import dev.vigil.server.identity.CsrfTokenRejectedException;
import dev.vigil.server.identity.Session;
import dev.vigil.server.identity.SessionStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Authenticates every request except the open routes: by {@code Authorization: Bearer <key>}, or
 * else by the console's session cookie. A state-changing request made with the cookie must also
 * carry the session's CSRF token in {@value #CSRF_HEADER}; a browser sends cookies on
 * cross-site requests by itself, but cannot be made to send that header.
 */
public final class RequestAuthentication implements Handler {
    public static final String SESSION_COOKIE = "vigil_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Where a presented key's public id is kept for the audit trail, also when it is refused. */
    public static final String PRESENTED_KEY_ID = "vigil.presentedKeyId";
    static final String ACCESS_ATTRIBUTE = "vigil.access";
    private static final String SCHEME = "Bearer ";
    private static final Set<HandlerType> SAFE_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final ApiKeyStore keys;
    private final SessionStore sessions;
    private final AccessControl access;
    private final Set<String> openRoutes;

    /** @param openRoutes routes served without authentication, as {@code METHOD /path} */
    public RequestAuthentication(ApiKeyStore keys, SessionStore sessions, AccessControl access, Set<String> openRoutes) {
        this.keys = keys;
        this.sessions = sessions;
        this.access = access;
        this.openRoutes = Set.copyOf(openRoutes);
    }

    @Override
    public void handle(Context ctx) {
        ctx.attribute(ACCESS_ATTRIBUTE, access);
        if (openRoutes.contains(ctx.method().name() + " " + ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        Caller caller = header != null && !header.isBlank() ? byKey(ctx, header) : bySession(ctx);
        ctx.attribute(Caller.ATTRIBUTE, caller);
    }

    private Caller byKey(Context ctx, String header) {
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
            throw new AuthenticationException(AuthenticationException.Reason.MALFORMED,
                    "Authentication failed. The 'Authorization' header must be 'Bearer <API key>'.");
        }
        String presented = header.substring(SCHEME.length()).trim();
        ApiKeyStore.idOf(presented).ifPresent(id -> ctx.attribute(PRESENTED_KEY_ID, id));
        ApiKey key = keys.authenticate(presented)
                .orElseThrow(() -> new AuthenticationException(AuthenticationException.Reason.INVALID,
                        "Authentication failed. The API key is not valid."));
        return new Caller(key.principal(), AuthenticationMethod.API_KEY, key.id(), null);
    }

    private Caller bySession(Context ctx) {
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null || cookie.isEmpty()) {
            throw new AuthenticationException(AuthenticationException.Reason.MISSING,
                    "Authentication failed. The 'Authorization' header is missing; send 'Authorization: Bearer <API key>'.");
        }
        Session session = sessions.authenticate(cookie)
                .orElseThrow(() -> new AuthenticationException(AuthenticationException.Reason.SESSION,
                        "Authentication failed. The session has expired or ended; sign in again."));
        Caller caller = new Caller(session.principal(), AuthenticationMethod.SESSION, null, session);
        if (!SAFE_METHODS.contains(ctx.method()) && !SessionStore.csrfTokenMatches(session, ctx.header(CSRF_HEADER))) {
            // the session is genuine, so the audit row names its user: a forged request shows whose session it rode on
            ctx.attribute(Caller.ATTRIBUTE, caller);
            throw new CsrfTokenRejectedException("A request made with the session cookie that changes something must carry the session's CSRF token in the '"
                    + CSRF_HEADER + "' header.");
        }
        return caller;
    }
}
