package dev.vigil.server.api.audit;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler wants its request's audit row to say beyond method, path and status: the user
 * created, the role granted, the key revoked. Lands in the row's {@code Properties}.
 */
public final class AuditNotes {
    static final String PROPERTIES = "vigil.audit.properties";
    static final String ATTEMPTED_USER = "vigil.audit.attemptedUser";

    private AuditNotes() {
    }

    public static void put(Context ctx, String name, Object value) {
        Map<String, Object> properties = ctx.attribute(PROPERTIES);
        if (properties == null) {
            properties = new LinkedHashMap<>();
            ctx.attribute(PROPERTIES, properties);
        }
        properties.put(name, value == null ? "" : value);
    }

    /** The user name a login tried, recorded as the caller whether or not the login succeeds. */
    public static void attemptedUser(Context ctx, String userName) {
        ctx.attribute(ATTEMPTED_USER, userName);
    }

    static Map<String, Object> properties(Context ctx) {
        Map<String, Object> properties = ctx.attribute(PROPERTIES);
        return properties == null ? Map.of() : properties;
    }
}
