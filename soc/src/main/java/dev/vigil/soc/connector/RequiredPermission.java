package dev.vigil.soc.connector;

import java.util.Objects;

/**
 * A role a caller needs to connect a connector.
 *
 * @param scope the kind of scope, {@code Workspace} or {@code Subscription}
 * @param role the least role, e.g. {@code Contributor}
 * @param description why, in the user's words
 */
public record RequiredPermission(String scope, String role, String description) {
    public RequiredPermission {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(description, "description");
    }
}
