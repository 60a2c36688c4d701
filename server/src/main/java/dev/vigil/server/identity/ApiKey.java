package dev.vigil.server.identity;

import java.time.Instant;

/**
 * An API key as stored: never its text, only the SHA-256 of its secret part.
 *
 * @param id the public part of the key, also its document id; safe to log and list
 * @param principalId the principal the key acts for
 * @param description what the key was issued for
 * @param secretSha256 lowercase hex SHA-256 of the secret part
 */
public record ApiKey(String id, String principalId, String description, String secretSha256, Instant createdAt) {

    public Principal principal() {
        return new Principal(principalId);
    }
}
