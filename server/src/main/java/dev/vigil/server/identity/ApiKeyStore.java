package dev.vigil.server.identity;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * API keys, kept hashed in the state store. Verified keys are cached by id, which is safe because
 * keys change only through this store.
 */
public final class ApiKeyStore {
    static final String COLLECTION = "apiKeys";

    private final DocumentCollection<ApiKey> keys;
    private final ConcurrentMap<String, ApiKey> cache = new ConcurrentHashMap<>();

    public ApiKeyStore(StateStore state) {
        this.keys = state.collection(COLLECTION, ApiKey.class);
    }

    public boolean isEmpty() {
        return keys.list().isEmpty();
    }

    /** Creates a key for the principal; the returned text is shown once and never stored. */
    public IssuedApiKey issue(Principal principal, String description) {
        ApiKeyText text = ApiKeyText.generate();
        ApiKey key = new ApiKey(text.id(), principal.id(), description, text.secretSha256(), Instant.now());
        keys.put(key.id(), key);
        cache.put(key.id(), key);
        return new IssuedApiKey(key, text.text());
    }

    /** The principal of the key with this text, or empty if no such key exists. */
    public Optional<Principal> authenticate(String presentedText) {
        return ApiKeyText.parse(presentedText).flatMap(text -> find(text.id())
                .filter(key -> text.matches(key.secretSha256()))
                .map(ApiKey::principal));
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
