package dev.vigil.server.identity;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer <key>} on every request except the open paths, and records
 * the caller's {@link Principal} on the request.
 */
public final class BearerAuthentication implements Handler {
    private static final String PRINCIPAL_ATTRIBUTE = "vigil.principal";
    private static final String SCHEME = "Bearer ";

    private final ApiKeyStore keys;
    private final Set<String> openPaths;

    public BearerAuthentication(ApiKeyStore keys, Set<String> openPaths) {
        this.keys = keys;
        this.openPaths = Set.copyOf(openPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (openPaths.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new AuthenticationException(AuthenticationException.Reason.MISSING,
                    "Authentication failed. The 'Authorization' header is missing; send 'Authorization: Bearer <API key>'.");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
            throw new AuthenticationException(AuthenticationException.Reason.MALFORMED,
                    "Authentication failed. The 'Authorization' header must be 'Bearer <API key>'.");
        }
        Principal principal = keys.authenticate(header.substring(SCHEME.length()).trim())
                .orElseThrow(() -> new AuthenticationException(AuthenticationException.Reason.INVALID,
                        "Authentication failed. The API key is not valid."));
        ctx.attribute(PRINCIPAL_ATTRIBUTE, principal);
    }

    /** The authenticated caller of a request that passed this handler. */
    public static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL_ATTRIBUTE);
    }
}
