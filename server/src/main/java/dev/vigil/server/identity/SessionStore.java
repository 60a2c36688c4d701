package dev.vigil.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Console sessions, in memory: a restart signs everybody out, which is the safe way round.
 * A session ends after {@link #IDLE_TIMEOUT} without requests or {@link #ABSOLUTE_TIMEOUT} after
 * login, whichever comes first. Ids and CSRF tokens are 256 random bits.
 */
public final class SessionStore {
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final ConcurrentMap<String, Session> byIdHash = new ConcurrentHashMap<>();

    public SessionStore(Clock clock) {
        this.clock = clock;
    }

    /** A new session with a fresh id; never reuses an id the client presented (no fixation). */
    public IssuedSession create(Principal principal) {
        dropExpired();
        String id = randomToken();
        Instant now = clock.instant();
        Session session = new Session(sha256(id), principal, randomToken(), now, now);
        byIdHash.put(session.idSha256(), session);
        return new IssuedSession(session, id);
    }

    /** The live session with this id, its idle timer restarted; empty if unknown or expired. */
    public Optional<Session> authenticate(String presentedId) {
        if (presentedId == null || presentedId.isEmpty()) {
            return Optional.empty();
        }
        String key = sha256(presentedId);
        Session session = byIdHash.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (isExpired(session, now)) {
            byIdHash.remove(key);
            return Optional.empty();
        }
        Session seen = session.seenAt(now);
        byIdHash.put(key, seen);
        return Optional.of(seen);
    }

    /** When the session ends unless it is used again: the earlier of the idle and the absolute limit. */
    public Instant expiresAt(Session session) {
        Instant idle = session.lastSeenAt().plus(IDLE_TIMEOUT);
        Instant absolute = session.createdAt().plus(ABSOLUTE_TIMEOUT);
        return idle.isBefore(absolute) ? idle : absolute;
    }

    /** Ends the session with this id, if there is one. */
    public void end(String presentedId) {
        if (presentedId != null && !presentedId.isEmpty()) {
            byIdHash.remove(sha256(presentedId));
        }
    }

    /** Ends every session of the principal, e.g. after a password reset. */
    public void endAll(Principal principal) {
        byIdHash.values().removeIf(session -> session.principal().equals(principal));
    }

    /** Whether the token is the session's CSRF token, compared in constant time. */
    public static boolean csrfTokenMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(
                session.csrfToken().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private boolean isExpired(Session session, Instant now) {
        return !now.isBefore(expiresAt(session));
    }

    private void dropExpired() {
        Instant now = clock.instant();
        byIdHash.values().removeIf(session -> isExpired(session, now));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
