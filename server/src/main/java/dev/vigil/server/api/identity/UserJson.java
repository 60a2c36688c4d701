package dev.vigil.server.api.identity;

import dev.vigil.server.identity.User;
import java.time.Instant;

/** A user as the API shows it: never the password hash. */
record UserJson(String name, boolean hasPassword, Instant createdAt, Instant passwordChangedAt) {
    static UserJson of(User user) {
        return new UserJson(user.name(), user.hasPassword(), user.createdAt(), user.passwordChangedAt());
    }
}
