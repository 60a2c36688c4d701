package dev.vigil.soc.playbook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.soc.playbook.PlaybookNotFoundException;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A playbook's history of versions, and an older version restored as the newest with its own secrets; real store. */
class TestPlaybookVersions {
    private static final String WS = "w";
    private static final byte[] KEY = SecretBox.newKey();

    @TempDir
    Path data;

    private Storage storage;
    private Playbooks playbooks;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(KEY), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private void save(String step, String secret, String user) {
        playbooks.save(WS, "notify", PlaybookDocument.parse("""
                triggers: [{kind: manual}]
                secrets: {token: %s}
                steps: [{id: %s, type: compose, value: "{{ Secrets.token }}"}]
                """.formatted(secret, step), true), Optional.empty(), user);
    }

    @Test
    void testRestoringAnOlderVersionSavesItAsTheNextWithItsSecretsAndKeepsTheHistory() {
        save("first", "one", "alice");
        save("second", "two", "bob");

        assertThat(playbooks.history(WS, "notify")).extracting(PlaybookVersion::version, PlaybookVersion::savedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "bob"), org.assertj.core.groups.Tuple.tuple(1L, "alice"));
        assertThatThrownBy(() -> playbooks.restore(WS, "notify", 1, Optional.of("1"), "carol")).isInstanceOf(PlaybookVersionConflictException.class);
        assertThatThrownBy(() -> playbooks.restore(WS, "notify", 9, Optional.empty(), "carol")).isInstanceOf(PlaybookNotFoundException.class);

        SavedPlaybook restored = playbooks.restore(WS, "notify", 1, Optional.of("2"), "carol");

        assertThat(restored.playbook().version()).isEqualTo(3);
        assertThat(playbooks.get(WS, "notify").definition().document()).isEqualTo(playbooks.version(WS, "notify", 1).definition().document());
        assertThat(playbooks.get(WS, "notify").definition().steps().get(0).id()).isEqualTo("first");
        assertThat(playbooks.secrets(playbooks.get(WS, "notify"))).containsEntry("token", "one");
        assertThat(playbooks.secrets(playbooks.version(WS, "notify", 2))).containsEntry("token", "two");
        assertThat(playbooks.history(WS, "notify")).extracting(PlaybookVersion::version, PlaybookVersion::savedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "carol"), org.assertj.core.groups.Tuple.tuple(2L, "bob"),
                org.assertj.core.groups.Tuple.tuple(1L, "alice"));
        assertThat(playbooks.history(WS, "notify-other")).isEmpty();
    }
}
