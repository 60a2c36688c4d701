package dev.vigil.server.api.identity;

import java.time.Instant;

/** A console session as {@code /api/session} shows it; the CSRF token goes in {@code X-CSRF-Token}. */
record SessionJson(String user, String csrfToken, Instant createdAt, Instant expiresAt, long idleTimeoutSeconds, Instant absoluteExpiresAt) {
}
