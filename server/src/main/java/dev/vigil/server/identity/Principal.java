package dev.vigil.server.identity;

import java.util.Objects;

/**
 * Who is calling: the owner of an API key. Users, roles and sessions attach to the principal id
 * in a later issue; keys already name their principal so that nothing has to be migrated then.
 */
public record Principal(String id) {
    /** The administrator whose key is issued on the first start. */
    public static final Principal ADMIN = new Principal("admin");

    public Principal {
        Objects.requireNonNull(id, "id");
    }
}
