package dev.vigil.server.api.access;

import dev.vigil.server.identity.Principal;
import dev.vigil.server.identity.Session;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated sender of a request.
 *
 * @param apiKeyId the id of the key used; null unless {@code method} is {@code API_KEY}
 * @param session the session used; null unless {@code method} is {@code SESSION}
 */
public record Caller(Principal principal, AuthenticationMethod method, String apiKeyId, Session session) {
    static final String ATTRIBUTE = "vigil.caller";

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(method, "method");
    }

    /** The caller of a request that passed {@link RequestAuthentication}. */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on " + ctx.method() + " " + ctx.path() + "; is the route open by mistake?");
        }
        return caller;
    }

    /** What the caller's {@code LAQueryLogs} rows name as the credential: the API key's id, or {@code session}. */
    public String credential() {
        return apiKeyId != null ? apiKeyId : "session";
    }

    /** The caller if the request was authenticated (open routes and refused requests have none). */
    public static Optional<Caller> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
