package dev.vigil.server.api.audit;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a handler wants its request's audit row to say beyond method, path and status: the user
 * created, the role granted, the key revoked. Lands in the row's {@code Properties}.
 */
public final class AuditNotes {
    static final String PROPERTIES = "vigil.audit.properties";
    static final String ATTEMPTED_USER = "vigil.audit.attemptedUser";
    static final String WORKSPACES = "vigil.audit.workspaces";

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

    /**
     * A workspace the request concerns besides its scope, e.g. the one a hub is pointed at or away
     * from: the request's audit row is written there too, so that its owners see it.
     */
    public static void alsoConcerns(Context ctx, String workspace) {
        Set<String> workspaces = ctx.attribute(WORKSPACES);
        if (workspaces == null) {
            workspaces = new LinkedHashSet<>();
            ctx.attribute(WORKSPACES, workspaces);
        }
        workspaces.add(workspace);
    }

    /** The user name a login tried, recorded as the caller whether or not the login succeeds. */
    public static void attemptedUser(Context ctx, String userName) {
        ctx.attribute(ATTEMPTED_USER, userName);
    }

    static Set<String> workspaces(Context ctx) {
        Set<String> workspaces = ctx.attribute(WORKSPACES);
        return workspaces == null ? Set.of() : workspaces;
    }

    static Map<String, Object> properties(Context ctx) {
        Map<String, Object> properties = ctx.attribute(PROPERTIES);
        return properties == null ? Map.of() : properties;
    }
}
