package dev.vigil.server.identity;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * API keys, kept hashed in the state store. Keys are cached by id, which is safe because keys
 * change only through this store.
 */
public final class ApiKeyStore {
    static final String COLLECTION = "apiKeys";
    /** The last-used time is written at most this often per key, so that reads do not turn into writes. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final DocumentCollection<ApiKey> keys;
    private final Clock clock;
    private final ConcurrentMap<String, ApiKey> cache = new ConcurrentHashMap<>();

    public ApiKeyStore(StateStore state, Clock clock) {
        this.keys = state.collection(COLLECTION, ApiKey.class);
        this.clock = clock;
    }

    public ApiKeyStore(StateStore state) {
        this(state, Clock.systemUTC());
    }

    public boolean isEmpty() {
        return keys.list().isEmpty();
    }

    /** Creates a key that never expires; the returned text is shown once and never stored. */
    public IssuedApiKey issue(Principal principal, String description) {
        return issue(principal, description, Optional.empty());
    }

    /** Creates a key for the principal; the returned text is shown once and never stored. */
    public IssuedApiKey issue(Principal principal, String description, Optional<Instant> expiresAt) {
        Instant now = clock.instant();
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw new InvalidIdentityArgumentException("the key's expiry " + expiresAt.get() + " is not in the future");
        }
        ApiKeyText text = ApiKeyText.generate();
        ApiKey key = new ApiKey(text.id(), principal.id(), description == null ? "" : description, text.secretSha256(), now,
                expiresAt.orElse(null), null, null);
        keys.put(key.id(), key);
        cache.put(key.id(), key);
        return new IssuedApiKey(key, text.text());
    }

    /** Every key of the principal, revoked and expired ones included, oldest first. */
    public List<ApiKey> listFor(Principal principal) {
        return keys.list().stream()
                .filter(key -> key.principalId().equals(principal.id()))
                .sorted(java.util.Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                .toList();
    }

    /** Revokes the principal's key; revoking twice keeps the first time. */
    public synchronized ApiKey revoke(Principal principal, String keyId) {
        ApiKey key = find(keyId).filter(k -> k.principalId().equals(principal.id()))
                .orElseThrow(() -> new ApiKeyNotFoundException("user '" + principal.id() + "' has no API key '" + keyId + "'"));
        if (key.isRevoked()) {
            return key;
        }
        ApiKey revoked = key.revoked(clock.instant());
        keys.put(keyId, revoked);
        cache.put(keyId, revoked);
        return revoked;
    }

    /** Revokes every key of the principal, e.g. when the user is deleted. */
    public void revokeAll(Principal principal) {
        listFor(principal).stream().filter(key -> !key.isRevoked()).forEach(key -> revoke(principal, key.id()));
    }

    /** The key with this text if it exists, matches, is not revoked and has not expired. */
    public Optional<ApiKey> authenticate(String presentedText) {
        Instant now = clock.instant();
        Optional<ApiKey> key = ApiKeyText.parse(presentedText).flatMap(text -> find(text.id())
                .filter(stored -> text.matches(stored.secretSha256())));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (key.get().isRevoked()) {
            throw new AuthenticationException(AuthenticationException.Reason.INVALID, "Authentication failed. The API key has been revoked.");
        }
        if (key.get().isExpiredAt(now)) {
            throw new AuthenticationException(AuthenticationException.Reason.INVALID, "Authentication failed. The API key expired at " + key.get().expiresAt() + ".");
        }
        return Optional.of(noteUse(key.get(), now));
    }

    private ApiKey noteUse(ApiKey key, Instant now) {
        if (key.lastUsedAt() != null && key.lastUsedAt().plus(LAST_USED_PRECISION).isAfter(now)) {
            return key;
        }
        synchronized (this) {
            ApiKey current = cache.getOrDefault(key.id(), key);
            if (current.isRevoked()) {
                return current;
            }
            ApiKey used = current.usedAt(now);
            keys.put(key.id(), used);
            cache.put(key.id(), used);
            return used;
        }
    }

    /** The public id part of a key's text, if the text has the shape of a key; safe to log. */
    public static Optional<String> idOf(String presentedText) {
        return ApiKeyText.parse(presentedText).map(ApiKeyText::id);
    }

    private Optional<ApiKey> find(String id) {
        ApiKey cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ApiKey> stored = keys.get(id);
        stored.ifPresent(key -> cache.put(id, key));
        return stored;
    }
}
