package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes of several collections committed together, or not at all; pages of a collection by id. */
class TestDuckDbStateStore {
    record Note(String text) {
    }

    @TempDir
    Path data;

    @Test
    void testWritesOfATransactionAreCommittedTogetherAndSurviveARestart() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            DocumentCollection<Note> first = storage.stateStore().collection("first", Note.class);
            DocumentCollection<Note> second = storage.stateStore().collection("second", Note.class);
            storage.stateStore().transaction(() -> {
                first.put("a", new Note("one"));
                second.put("b", new Note("two"));
                assertThat(first.get("a")).contains(new Note("one"));
            });
        }
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            assertThat(storage.stateStore().collection("first", Note.class).get("a")).contains(new Note("one"));
            assertThat(storage.stateStore().collection("second", Note.class).get("b")).contains(new Note("two"));
        }
    }

    @Test
    void testATransactionThatThrowsLeavesNothingBehind() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            DocumentCollection<Note> notes = storage.stateStore().collection("notes", Note.class);
            notes.put("kept", new Note("before"));
            assertThatThrownBy(() -> storage.stateStore().transaction(() -> {
                notes.put("kept", new Note("changed"));
                notes.put("new", new Note("added"));
                throw new IllegalArgumentException("the caller gave up");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("the caller gave up");
            assertThat(notes.get("kept")).contains(new Note("before"));
            assertThat(notes.get("new")).isEmpty();
            notes.put("after", new Note("auto-committed again"));
            assertThat(notes.list()).hasSize(2);
        }
    }

    @Test
    void testReadsInsideATransactionSeeItsOwnWritesAndDeletes() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            DocumentCollection<Note> notes = storage.stateStore().collection("notes", Note.class);
            notes.put("gone", new Note("to delete"));
            notes.put("kept", new Note("before"));
            storage.stateStore().transaction(() -> {
                notes.put("kept", new Note("first change"));
                notes.put("kept", new Note("second change"));
                notes.put("new", new Note("added"));
                assertThat(notes.delete("gone")).isTrue();
                assertThat(notes.delete("gone")).isFalse();
                assertThat(notes.delete("never there")).isFalse();
                assertThat(notes.get("kept")).contains(new Note("second change"));
                assertThat(notes.get("gone")).isEmpty();
                assertThat(notes.list()).containsExactly(new Note("second change"), new Note("added"));
                notes.put("later", new Note("after a list"));
                assertThat(notes.listAfter("kept", 10)).containsExactly(new Note("after a list"), new Note("added"));
            });
            assertThat(notes.list()).containsExactly(new Note("second change"), new Note("after a list"), new Note("added"));
        }
    }

    @Test
    void testATransactionWritesMoreDocumentsThanOneStatementHolds() {
        int count = DocumentWrites.ROWS_PER_STATEMENT * 2 + 7;
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            DocumentCollection<Note> notes = storage.stateStore().collection("notes", Note.class);
            for (int i = 0; i < count; i += 2) {
                notes.put("%04d".formatted(i), new Note("old " + i));
            }
            storage.stateStore().transaction(() -> {
                for (int i = 0; i < count; i++) {
                    notes.put("%04d".formatted(i), new Note("new " + i));
                }
                for (int i = 0; i < count; i += 3) {
                    notes.delete("%04d".formatted(i));
                }
            });
            List<Note> stored = notes.list();
            assertThat(stored).hasSize(count - (count + 2) / 3).doesNotContain(new Note("new 0"), new Note("new 3"))
                    .contains(new Note("new 1"), new Note("new " + (count - 1)))
                    .allSatisfy(note -> assertThat(note.text()).startsWith("new "));
        }
    }

    @Test
    void testATransactionInsideAnotherCommitsOrRollsBackWithIt() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            DocumentCollection<Note> notes = storage.stateStore().collection("notes", Note.class);
            assertThatThrownBy(() -> storage.stateStore().transaction(() -> {
                storage.stateStore().transaction(() -> notes.put("inner", new Note("of the inner transaction")));
                notes.put("outer", new Note("of the outer transaction"));
                throw new IllegalStateException("the outer one fails");
            })).hasMessage("the outer one fails");
            assertThat(notes.list()).isEmpty();
        }
    }

    @Test
    void testListAfterReturnsOnePageInIdOrder() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            DocumentCollection<Note> notes = storage.stateStore().collection("notes", Note.class);
            DocumentCollection<Note> others = storage.stateStore().collection("others", Note.class);
            for (String id : new String[] {"03", "01", "05", "02", "04"}) {
                notes.put(id, new Note("note " + id));
            }
            others.put("025", new Note("of another collection"));
            assertThat(notes.listAfter("02", 2)).containsExactly(new Note("note 03"), new Note("note 04"));
            assertThat(notes.listAfter("", 10)).hasSize(5);
            assertThat(notes.listAfter("05", 10)).isEmpty();
            assertThatThrownBy(() -> notes.listAfter("01", 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must be at least 1, was 0");
        }
    }
}
