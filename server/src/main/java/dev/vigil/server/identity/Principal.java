package dev.vigil.server.identity;

import java.util.Objects;

/** Who is calling: a user, named by its user name, whether it came with an API key or a session. */
public record Principal(String id) {
    /** The administrator created on the first start, with Owner on {@code /}; the first key is theirs. */
    public static final Principal ADMIN = new Principal("admin");

    public Principal {
        Objects.requireNonNull(id, "id");
    }
}
