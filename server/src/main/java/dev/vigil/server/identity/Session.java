package dev.vigil.server.identity;

import java.time.Instant;

/**
 * A console session after a password login. The session id itself is known only to the browser;
 * the server keys sessions by its SHA-256.
 *
 * @param csrfToken sent back by the console in {@code X-CSRF-Token} on every state-changing request
 */
public record Session(String idSha256, Principal principal, String csrfToken, Instant createdAt, Instant lastSeenAt) {

    Session seenAt(Instant now) {
        return new Session(idSha256, principal, csrfToken, createdAt, now);
    }

    @Override
    public String toString() {
        return "Session[" + principal.id() + "]";
    }
}
