package dev.vigil.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestApiKeyStore {
    @TempDir
    Path data;

    private Storage open() {
        return DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
    }

    @Test
    void testIssuedKeyAuthenticatesItsPrincipalAfterReopening() {
        IssuedApiKey issued;
        try (Storage storage = open()) {
            ApiKeyStore keys = new ApiKeyStore(storage.stateStore());
            assertThat(keys.isEmpty()).isTrue();
            issued = keys.issue(new Principal("analyst-1"), "test key");
            assertThat(keys.isEmpty()).isFalse();
        }
        try (Storage storage = open()) {
            ApiKeyStore keys = new ApiKeyStore(storage.stateStore());
            assertThat(keys.authenticate(issued.text()).map(ApiKey::principal)).hasValue(new Principal("analyst-1"));
        }
    }

    @Test
    void testOnlyAHashOfTheSecretIsStored() {
        try (Storage storage = open()) {
            IssuedApiKey issued = new ApiKeyStore(storage.stateStore()).issue(Principal.ADMIN, "admin");
            String secret = issued.text().substring(issued.text().lastIndexOf('_') + 1);

            @SuppressWarnings("rawtypes")
            Map stored = storage.stateStore().collection(ApiKeyStore.COLLECTION, Map.class).get(issued.key().id()).orElseThrow();

            assertThat(stored.toString()).doesNotContain(secret).contains(issued.key().secretSha256());
            assertThat(issued.key().secretSha256()).hasSize(64);
        }
    }

    @Test
    void testKeysThatDoNotMatchAreRefused() {
        try (Storage storage = open()) {
            ApiKeyStore keys = new ApiKeyStore(storage.stateStore());
            IssuedApiKey issued = keys.issue(Principal.ADMIN, "admin");
            String text = issued.text();

            assertThat(keys.authenticate(text + "x")).isEmpty();
            assertThat(keys.authenticate(text.substring(0, text.length() - 1))).isEmpty();
            assertThat(keys.authenticate("vgl_ffffffffffffffff_" + text.substring(text.lastIndexOf('_') + 1))).isEmpty();
            assertThat(keys.authenticate("not a key")).isEmpty();
            assertThat(keys.authenticate("")).isEmpty();
        }
    }

    @Test
    void testEachKeyIsDifferent() {
        try (Storage storage = open()) {
            ApiKeyStore keys = new ApiKeyStore(storage.stateStore());
            IssuedApiKey first = keys.issue(Principal.ADMIN, "one");
            IssuedApiKey second = keys.issue(Principal.ADMIN, "two");

            assertThat(first.text()).isNotEqualTo(second.text()).startsWith("vgl_");
            assertThat(keys.authenticate(first.text())).isPresent();
            assertThat(keys.authenticate(second.text())).isPresent();
        }
    }
}
