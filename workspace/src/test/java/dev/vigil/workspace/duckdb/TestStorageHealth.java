package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.IngestCommitFailedException;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.StorageHealth;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage that cannot take writes, made so by real file-system conditions that hold for root too
 * (a directory where a file must go, a file where a directory must be): it does not open, or, when
 * it happens while running, commits and health fail until the cause is gone, then both recover
 * without a restart.
 */
class TestStorageHealth {
    @TempDir
    Path data;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void testAWriteAheadLogThatCannotBeOpenedFailsCommitsAndHealthUntilItCan() throws Exception {
        try (DuckDbStorage storage = open()) {
            storage.logStore().createWorkspace("default");
            // after a checkpoint the log is gone; the next commit opens it anew, and cannot
            storage.sql("CHECKPOINT", List.of());
            Path log = data.resolve(DuckDbStorage.DATABASE_FILE + ".wal");
            assertThat(log).doesNotExist();
            Files.createDirectory(log);

            CompletableFuture<IngestReceipt> refused = ingest(storage, "while-failing");

            assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(IngestCommitFailedException.class)
                    .hasMessage("storage cannot take writes at the moment, so none of the request's rows were written; send them again later");
            StorageHealth failing = storage.health();
            assertThat(failing.writable()).isFalse();
            assertThat(failing.reason()).contains("the database cannot commit", "\"vigil.duckdb.wal\"", "Is a directory")
                    .doesNotContain(data.toString());
            assertThat(meters.get("vigil.storage.writable").gauge().value()).isZero();

            Files.delete(log);

            assertThat(storage.probe().writable()).isTrue();
            assertThat(meters.get("vigil.storage.writable").gauge().value()).isEqualTo(1);
            assertThat(ingest(storage, "after-recovery").get(30, TimeUnit.SECONDS).rowsCommitted()).isEqualTo(1);
            assertThat(alertIds(storage)).containsExactly(List.of("after-recovery"));
        }
    }

    @Test
    void testAStateTransactionAfterAFailedCommitIsWrittenAndReportedOnce() throws Exception {
        try (DuckDbStorage storage = open()) {
            DocumentCollection<Note> notes = storage.stateStore().collection("notes", Note.class);
            storage.sql("CHECKPOINT", List.of());
            Path log = data.resolve(DuckDbStorage.DATABASE_FILE + ".wal");
            Files.createDirectory(log);

            assertThatThrownBy(() -> storage.stateStore().transaction(() -> notes.put("lost", new Note("lost"))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Is a directory");
            Files.delete(log);

            // The driver's own transactions lost track after a failed commit: this write went
            // through, yet failed with "no transaction is active", and so did every later one.
            storage.stateStore().transaction(() -> notes.put("kept", new Note("kept")));
            storage.stateStore().transaction(() -> notes.put("also kept", new Note("also kept")));

            assertThat(notes.list()).containsExactlyInAnyOrder(new Note("kept"), new Note("also kept"));
        }
    }

    record Note(String text) {
    }

    @Test
    void testASpoolDirectoryReplacedByAFileFailsHealthUntilItIsGone() throws Exception {
        try (DuckDbStorage storage = open()) {
            storage.logStore().createWorkspace("default");
            Path spool = data.resolve(DuckDbStorage.SPOOL_DIRECTORY);
            Files.delete(spool);
            Files.writeString(spool, "in the way");

            CompletableFuture<IngestReceipt> refused = ingest(storage, "while-failing");

            assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(IngestCommitFailedException.class);
            assertThat(storage.health().reason()).isEqualTo("the spool directory cannot be written: spool exists and is not a directory");

            Files.delete(spool);

            assertThat(storage.probe().writable()).isTrue();
            assertThat(ingest(storage, "after-recovery").get(30, TimeUnit.SECONDS).rowsCommitted()).isEqualTo(1);
        }
    }

    @Test
    void testADataDirectoryThatCannotTakeWritesDoesNotOpenAndSaysWhy() throws Exception {
        Files.writeString(data.resolve(DuckDbStorage.SPOOL_DIRECTORY), "in the way");

        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class)
                .hasMessage("the data directory " + data + " cannot take writes: the spool directory cannot be written: "
                        + data.resolve("spool") + " exists and is not a directory; make sure the user running Vigil may write"
                        + " the directory and its files (vigil.duckdb, vigil.duckdb.wal, spool/) and that the disk has space");
    }

    @Test
    void testAWriteAheadLogThatCannotBeReadStopsTheOpenNamingIt() throws Exception {
        open().close();
        Files.createDirectory(data.resolve(DuckDbStorage.DATABASE_FILE + ".wal"));

        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("could not open the database " + data.resolve(DuckDbStorage.DATABASE_FILE) + ": ")
                .hasMessageContaining("vigil.duckdb.wal")
                .hasMessageEndingWith("Is a directory");
    }

    @Test
    void testADataDirectoryThatIsAFileIsNamed() throws Exception {
        Path file = data.resolve("not-a-directory");
        Files.writeString(file, "a file");

        assertThatThrownBy(() -> DuckDbStorage.open(StorageSettings.defaults(file), meters, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("could not create the data directory " + file + ": " + file + " exists and is not a directory;"
                        + " choose another data directory or fix this one");
    }

    private DuckDbStorage open() {
        return DuckDbStorage.open(new StorageSettings(data, 100, Duration.ofMillis(1), 1_000), meters, Clock.systemUTC());
    }

    private static CompletableFuture<IngestReceipt> ingest(DuckDbStorage storage, String id) {
        return storage.logStore().ingest("default", "SecurityAlert", List.of(Map.of("SystemAlertId", id)));
    }

    private static List<List<Object>> alertIds(DuckDbStorage storage) {
        return storage.sql("SELECT \"SystemAlertId\" AS id FROM \"ws_default\".\"SecurityAlert\"", List.of(new ColumnSchema("id", KqlType.STRING)));
    }
}
