package dev.vigil.server.api.identity;

import java.time.Instant;
import java.util.Optional;

/** The body of {@code POST /api/users/{user}/keys}; without {@code expiresAt} the key never expires. */
record NewApiKeyJson(String description, Instant expiresAt) {
    Optional<Instant> optionalExpiry() {
        return Optional.ofNullable(expiresAt);
    }
}
