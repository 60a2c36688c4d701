package dev.vigil.server.identity;

import java.time.Instant;

/**
 * An API key as stored: never its text, only the SHA-256 of its secret part.
 *
 * @param id the public part of the key, also its document id; safe to log and list
 * @param principalId the user the key acts for
 * @param description what the key was issued for
 * @param secretSha256 lowercase hex SHA-256 of the secret part
 * @param expiresAt when the key stops working; null for never
 * @param revokedAt when the key was revoked; null while it is not
 * @param lastUsedAt when the key last authenticated a request, to the minute; null if never
 */
public record ApiKey(String id, String principalId, String description, String secretSha256, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public Principal principal() {
        return new Principal(principalId);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    ApiKey revoked(Instant at) {
        return new ApiKey(id, principalId, description, secretSha256, createdAt, expiresAt, at, lastUsedAt);
    }

    ApiKey usedAt(Instant at) {
        return new ApiKey(id, principalId, description, secretSha256, createdAt, expiresAt, revokedAt, at);
    }
}
