package dev.vigil.workspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.IngestCommitFailedException;
import dev.vigil.workspace.api.IngestQueueFullException;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.catalog.BuiltInTables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestGroupCommitter {
    private static final IngestTarget TARGET = new IngestTarget("ws", BuiltInTables.SECURITY_ALERT);
    private static final Duration NEVER = Duration.ofHours(1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private GroupCommitter committer;

    @AfterEach
    void close() {
        if (committer != null) {
            committer.close();
        }
    }

    @Test
    void testAFutureCompletesOnlyAfterTheCommitHoldingItsRows() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        committer = new GroupCommitter(writer, writer, 1, NEVER, 100, meters);

        CompletableFuture<IngestReceipt> receipt = committer.submit(TARGET, rows(3));
        writer.awaitFirstCommit();
        assertThat(receipt).isNotDone();
        writer.release();

        assertThat(receipt.get(10, TimeUnit.SECONDS)).isEqualTo(new IngestReceipt("ws", "SecurityAlert", 3));
        assertThat(writer.batches).containsExactly(List.of(3));
        assertThat(meters.counter("vigil.ingest.rows", "workspace", "ws", "table", "SecurityAlert").count()).isEqualTo(3);
        assertThat(meters.timer("vigil.ingest.commit").count()).isEqualTo(1);
    }

    @Test
    void testListenersHearOfCommittedRowsButNotOfACheckpointWithoutRows() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(false);
        committer = new GroupCommitter(writer, writer, 1, NEVER, 100, meters);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        committer.addListener((workspace, tables) -> heard.add(workspace + ":" + tables));

        committer.submit(TARGET, List.of(), Optional.of(new Checkpoint("consumer", 1))).get(10, TimeUnit.SECONDS);
        committer.submit(TARGET, rows(2)).get(10, TimeUnit.SECONDS);

        assertThat(heard).containsExactly("ws:[SecurityAlert]");
    }

    @Test
    void testABatchClosesWhenFullWithoutWaitingForTheDelay() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(false);
        committer = new GroupCommitter(writer, writer, 4, NEVER, 100, meters);

        List<CompletableFuture<IngestReceipt>> receipts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            receipts.add(committer.submit(TARGET, rows(1)));
        }

        // With a delay of an hour, only reaching four rows can have closed these batches.
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(writer.batches).allSatisfy(batch -> assertThat(batch.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4));
    }

    @Test
    void testABatchThatIsNotFullClosesAfterTheDelay() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(false);
        committer = new GroupCommitter(writer, writer, 1_000, Duration.ofMillis(100), 10_000, meters);

        long start = System.nanoTime();
        CompletableFuture<IngestReceipt> first = committer.submit(TARGET, rows(2));
        CompletableFuture<IngestReceipt> second = committer.submit(TARGET, rows(3));
        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(writer.batches).containsExactly(List.of(2, 3));
    }

    @Test
    void testARequestIsNeverSplitBetweenCommits() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        committer = new GroupCommitter(writer, writer, 5, NEVER, 100, meters);

        List<CompletableFuture<IngestReceipt>> receipts = new ArrayList<>();
        receipts.add(committer.submit(TARGET, rows(5)));
        writer.awaitFirstCommit();
        receipts.add(committer.submit(TARGET, rows(3)));
        receipts.add(committer.submit(TARGET, rows(3)));
        receipts.add(committer.submit(TARGET, rows(2)));
        receipts.add(committer.submit(TARGET, rows(7)));
        writer.release();
        committer.close();

        for (CompletableFuture<IngestReceipt> receipt : receipts) {
            assertThat(receipt).isCompleted();
        }
        assertThat(writer.batches).containsExactly(List.of(5), List.of(3), List.of(3, 2), List.of(7));
    }

    @Test
    void testACommitFailingForStorageFailsTheFuturesOfItsBatchAndNoOther() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        writer.failCommit(1, new IllegalStateException("disk full"));
        committer = new GroupCommitter(writer, writer, 10, NEVER, 100, meters);
        CompletableFuture<IngestReceipt> before = committer.submit(TARGET, rows(10));
        writer.awaitFirstCommit();
        CompletableFuture<IngestReceipt> first = committer.submit(TARGET, rows(4));
        CompletableFuture<IngestReceipt> second = committer.submit(TARGET, rows(6));
        // queued behind the failing batch, in a batch of its own
        CompletableFuture<IngestReceipt> after = committer.submit(TARGET, rows(1));
        writer.storageTakesWrites(false);
        writer.release();
        committer.close();

        assertThat(before.get().rowsCommitted()).isEqualTo(10);
        for (CompletableFuture<IngestReceipt> failed : List.of(first, second)) {
            assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IngestCommitFailedException.class)
                    .hasMessageContaining("storage cannot take writes at the moment, so none of the request's rows were written; send them again later");
        }
        assertThat(after.get().rowsCommitted()).isEqualTo(1);
        assertThat(writer.batches).containsExactly(List.of(10), List.of(1));
        assertThat(writer.trials).hasValue(0);
        assertThat(meters.get("vigil.ingest.queue.rows").gauge().value()).isZero();
        assertThat(meters.counter("vigil.ingest.failed.requests", "cause", "storage").count()).isEqualTo(2);
    }

    @Test
    void testRowsTheEngineRefusesFailOnlyTheirRequestAndTheOthersAreCommittedOnce() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        committer = new GroupCommitter(writer, writer, 20, NEVER, 1_000, meters);
        CompletableFuture<IngestReceipt> before = committer.submit(TARGET, rows(20));
        writer.awaitFirstCommit();
        List<CompletableFuture<IngestReceipt>> good = new ArrayList<>();
        good.add(committer.submit(TARGET, rows(2)));
        good.add(committer.submit(TARGET, rows(3)));
        List<Object[]> bad = new ArrayList<>(rows(5));
        bad.set(3, rowWith("AlertName", RecordingBatchWriter.REFUSED));
        CompletableFuture<IngestReceipt> refused = committer.submit(TARGET, bad);
        good.add(committer.submit(TARGET, rows(4)));
        good.add(committer.submit(TARGET, rows(6)));
        writer.release();
        committer.close();

        assertThat(before.get().rowsCommitted()).isEqualTo(20);
        assertThat(good).extracting(receipt -> receipt.get().rowsCommitted()).containsExactly(2, 3, 4, 6);
        assertThatThrownBy(refused::get).cause().isInstanceOfSatisfying(RowsRejectedException.class, rejected -> {
            assertThat(rejected.errors()).singleElement().satisfies(error -> {
                assertThat(error.row()).isEqualTo(3);
                assertThat(error.column()).isEqualTo("AlertName");
                assertThat(error.reason()).isEqualTo(
                        "the storage engine refused the value although it passed validation: no low surrogate in string");
            });
            assertThat(rejected.getMessage()).doesNotContain("/data");
        });
        // each good request committed exactly once, in submission order
        assertThat(writer.batches.stream().flatMap(List::stream).toList()).containsExactly(20, 2, 3, 4, 6);
        assertThat(meters.get("vigil.ingest.queue.rows").gauge().value()).isZero();
        assertThat(meters.counter("vigil.ingest.failed.requests", "cause", "rows").count()).isEqualTo(1);
    }

    @Test
    void testAFailureThatDoesNotRecurCommitsEveryRequestOfTheBatch() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        writer.failCommit(1, new IllegalStateException("a passing hiccup"));
        committer = new GroupCommitter(writer, writer, 10, NEVER, 100, meters);
        committer.submit(TARGET, rows(10));
        writer.awaitFirstCommit();
        CompletableFuture<IngestReceipt> first = committer.submit(TARGET, rows(4));
        CompletableFuture<IngestReceipt> second = committer.submit(TARGET, rows(6));
        writer.release();
        committer.close();

        assertThat(first.get().rowsCommitted()).isEqualTo(4);
        assertThat(second.get().rowsCommitted()).isEqualTo(6);
        assertThat(writer.batches).containsExactly(List.of(10), List.of(4), List.of(6));
    }

    @Test
    void testARequestWhoseRowsTheEngineTakesInATrialFailsAsACommitFailure() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(false);
        writer.failCommit(0, new IllegalStateException("fails once, alone"));
        committer = new GroupCommitter(writer, writer, 3, NEVER, 100, meters);

        CompletableFuture<IngestReceipt> alone = committer.submit(TARGET, rows(3));

        assertThatThrownBy(() -> alone.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IngestCommitFailedException.class)
                .hasMessage("the commit of the request's rows failed, so none of them were written; send them again later");
        assertThat(writer.trials).hasValue(1);
    }

    @Test
    void testAFullQueueRefusesRowsWithARetryAfter() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        committer = new GroupCommitter(writer, writer, 5, NEVER, 10, meters);
        committer.submit(TARGET, rows(5));
        writer.awaitFirstCommit();
        committer.submit(TARGET, rows(4));

        assertThatThrownBy(() -> committer.submit(TARGET, rows(2)))
                .isInstanceOfSatisfying(IngestQueueFullException.class, full -> {
                    assertThat(full.code()).isEqualTo("IngestionQueueFull");
                    assertThat(full.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                })
                .hasMessage("the ingestion queue holds 9 rows waiting for commit (at most 10); retry later");
        assertThat(meters.get("vigil.ingest.queue.rows").gauge().value()).isEqualTo(9);

        committer.submit(TARGET, rows(1));
        writer.release();
    }

    @Test
    void testCloseCommitsWhatIsQueued() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(false);
        committer = new GroupCommitter(writer, writer, 1_000, NEVER, 10_000, meters);
        CompletableFuture<IngestReceipt> receipt = committer.submit(TARGET, rows(3));

        committer.close();

        assertThat(receipt).isCompletedWithValue(new IngestReceipt("ws", "SecurityAlert", 3));
        assertThatThrownBy(() -> committer.submit(TARGET, rows(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testACheckpointedRequestIsCommittedAheadOfBulkRowsQueuedBeforeIt() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        committer = new GroupCommitter(writer, writer, 3, NEVER, 100, meters);
        committer.submit(TARGET, rows(3));
        writer.awaitFirstCommit();
        committer.submit(TARGET, rows(3));
        committer.submit(TARGET, rows(3));
        CompletableFuture<IngestReceipt> handOff = committer.submit(TARGET, rows(2), checkpoint(7));

        writer.release();
        committer.close();

        assertThat(handOff).isCompletedWithValue(new IngestReceipt("ws", "SecurityAlert", 2));
        assertThat(writer.batches).containsExactly(List.of(3), List.of(2), List.of(3), List.of(3));
        assertThat(meters.timer("vigil.ingest.wait", "lane", "prompt").count()).isEqualTo(1);
        assertThat(meters.timer("vigil.ingest.wait", "lane", "bulk").count()).isEqualTo(3);
    }

    @Test
    void testTheLanesTakeTurnsWhenBothHaveRowsDue() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        committer = new GroupCommitter(writer, writer, 3, NEVER, 100, meters);
        committer.submit(TARGET, rows(3));
        writer.awaitFirstCommit();
        // two-row prompt requests cannot share a three-row batch, so each is a batch of its own
        committer.submit(TARGET, rows(2), checkpoint(1));
        committer.submit(TARGET, rows(2), checkpoint(2));
        committer.submit(TARGET, rows(3));
        committer.submit(TARGET, rows(3));

        writer.release();
        committer.close();

        assertThat(writer.batches).containsExactly(List.of(3), List.of(2), List.of(3), List.of(2), List.of(3));
    }

    @Test
    void testAFullQueueStillTakesACheckpointedRequest() throws Exception {
        RecordingBatchWriter writer = new RecordingBatchWriter(true);
        committer = new GroupCommitter(writer, writer, 5, NEVER, 10, meters);
        committer.submit(TARGET, rows(5));
        writer.awaitFirstCommit();
        committer.submit(TARGET, rows(5));
        assertThatThrownBy(() -> committer.submit(TARGET, rows(1))).isInstanceOf(IngestQueueFullException.class);

        CompletableFuture<IngestReceipt> handOff = committer.submit(TARGET, rows(1), checkpoint(3));
        writer.release();

        assertThat(handOff.get(10, TimeUnit.SECONDS).rowsCommitted()).isEqualTo(1);
    }

    private static Optional<Checkpoint> checkpoint(long position) {
        return Optional.of(new Checkpoint("connector/iot/ws", position));
    }

    private static List<Object[]> rows(int count) {
        return Collections.nCopies(count, new Object[TARGET.table().columns().size()]);
    }

    private static Object[] rowWith(String column, Object value) {
        Object[] row = new Object[TARGET.table().columns().size()];
        for (int i = 0; i < row.length; i++) {
            if (TARGET.table().columns().get(i).name().equals(column)) {
                row[i] = value;
            }
        }
        return row;
    }
}
