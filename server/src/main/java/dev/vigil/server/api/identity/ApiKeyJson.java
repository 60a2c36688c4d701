package dev.vigil.server.api.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.server.identity.ApiKey;
import java.time.Instant;

/**
 * An API key as the API shows it. {@code key}, the text to present, is there only in the answer
 * that creates the key.
 *
 * @param status Active, Expired or Revoked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKeyJson(String id, String user, String description, String status, Instant createdAt, Instant expiresAt,
                  Instant revokedAt, Instant lastUsedAt, String key) {

    static ApiKeyJson of(ApiKey key, Instant now) {
        return of(key, now, null);
    }

    static ApiKeyJson of(ApiKey key, Instant now, String text) {
        String status = key.isRevoked() ? "Revoked" : key.isExpiredAt(now) ? "Expired" : "Active";
        return new ApiKeyJson(key.id(), key.principalId(), key.description(), status, key.createdAt(), key.expiresAt(),
                key.revokedAt(), key.lastUsedAt(), text);
    }
}
