package dev.vigil.soc.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.testing.MovableClock;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract every hand-off of the pipeline relies on, on the real store. */
class TestDurableConsumer {
    private static final String WS = "w";
    private static final String TABLE = "Handed_CL";
    private static final String NAME = "test/w";

    @TempDir
    Path data;

    private Storage storage;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T06:00:00Z"));

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        storage.logStore().createCustomTable(WS, new TableDefinition(TABLE, List.of(new ColumnSchema("Item", KqlType.LONG))));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void testOutputAndPositionCommitTogetherAndAConsumerAfterARestartReadsOnFromThem() {
        DurableConsumer<Map<String, Object>> consumer = consumer(RetryPolicy.fixed(Duration.ofMinutes(1), 3));
        assertThat(consumer.position()).isZero();
        assertThat(consumer.handOff(3, after -> items(after, 3))).isInstanceOf(HandoffOutcome.Committed.class);
        assertThat(consumer.position()).isEqualTo(3);

        storage.close();
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        DurableConsumer<Map<String, Object>> restarted = consumer(RetryPolicy.fixed(Duration.ofMinutes(1), 3));
        assertThat(restarted.position()).isEqualTo(3);
        List<Long> reads = new ArrayList<>();
        restarted.handOff(5, after -> {
            reads.add(after);
            return items(after, 5);
        });

        assertThat(reads).containsExactly(3L);
        assertThat(items()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void testAFailedReadMovesNothingAndIsTriedAgainOnlyAfterThePause() {
        DurableConsumer<Map<String, Object>> consumer = consumer(RetryPolicy.fixed(Duration.ofMinutes(1), 3));
        HandoffOutcome<Map<String, Object>> failed = consumer.handOff(2, after -> {
            throw new IllegalStateException("the source is unavailable");
        });

        assertThat(failed).isInstanceOfSatisfying(HandoffOutcome.Failed.class, f -> {
            assertThat(f.attempt()).isEqualTo(1);
            assertThat(f.attempts()).isEqualTo(3);
            assertThat(f.retryIn()).isEqualTo(Duration.ofMinutes(1));
            assertThat(f.cause()).hasMessage("the source is unavailable");
        });
        assertThat(consumer.position()).isZero();
        assertThat(consumer.ready()).isFalse();
        assertThat(consumer.health().failuresInARow()).isEqualTo(1);
        assertThat(consumer.health().lastError()).contains("the source is unavailable");
        AtomicInteger reads = new AtomicInteger();
        assertThat(consumer.handOff(2, after -> {
            reads.incrementAndGet();
            return items(after, 2);
        })).isInstanceOf(HandoffOutcome.Waiting.class);
        assertThat(reads).hasValue(0);

        clock.advance(Duration.ofMinutes(1));
        assertThat(consumer.ready()).isTrue();
        assertThat(consumer.handOff(2, after -> items(after, 2))).isInstanceOf(HandoffOutcome.Committed.class);
        assertThat(consumer.health().healthy()).isTrue();
        assertThat(consumer.health().lastError()).isEmpty();
        assertThat(items()).containsExactly(1L, 2L);
    }

    @Test
    void testACommitThatFailsWritesNeitherOutputNorPosition() {
        DurableConsumer<Map<String, Object>> intoNoTable = DurableConsumer.writingTable(storage.logStore(), WS, "Missing_CL", NAME,
                RetryPolicy.fixed(Duration.ZERO, RetryPolicy.FOREVER), clock);

        assertThat(intoNoTable.handOff(2, after -> items(after, 2))).isInstanceOf(HandoffOutcome.Failed.class);

        assertThat(intoNoTable.position()).isZero();
        assertThat(storage.logStore().checkpoint(NAME)).isZero();
        assertThat(consumer(RetryPolicy.fixed(Duration.ZERO, 1)).position()).isZero();
    }

    @Test
    void testTheLastFailedAttemptGivesThePositionUpDurablyWithNoOutput() {
        DurableConsumer<Map<String, Object>> consumer = consumer(RetryPolicy.fixed(Duration.ofSeconds(10), 3));
        Work<Map<String, Object>> failing = after -> {
            throw new IllegalStateException("bad query");
        };
        assertThat(consumer.handOff(4, failing)).isInstanceOf(HandoffOutcome.Failed.class);
        clock.advance(Duration.ofSeconds(10));
        assertThat(consumer.handOff(4, failing)).isInstanceOf(HandoffOutcome.Failed.class);
        clock.advance(Duration.ofSeconds(10));

        assertThat(consumer.handOff(4, failing)).isInstanceOfSatisfying(HandoffOutcome.GivenUp.class, g -> {
            assertThat(g.after()).isZero();
            assertThat(g.target()).isEqualTo(4);
            assertThat(g.attempts()).isEqualTo(3);
        });
        assertThat(consumer.position()).isEqualTo(4);
        assertThat(consumer.ready()).isTrue();
        assertThat(consumer.health().givenUp()).isEqualTo(1);
        assertThat(storage.logStore().checkpoint(NAME)).isEqualTo(4);
        assertThat(items()).isEmpty();
    }

    @Test
    void testAConsumerThatRetriesForeverNeverGivesUp() {
        DurableConsumer<Map<String, Object>> consumer = consumer(RetryPolicy.doubling(Duration.ZERO, Duration.ZERO));
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(consumer.handOff(4, after -> {
                throw new IllegalStateException("down");
            })).isInstanceOf(HandoffOutcome.Failed.class);
        }
        assertThat(consumer.position()).isZero();
        assertThat(consumer.health().failuresInARow()).isEqualTo(10);
    }

    @Test
    void testPausesDoubleUpToTheLongest() {
        RetryPolicy policy = RetryPolicy.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(List.of(1, 2, 3, 6, 7, 50).stream().map(policy::pauseAfter).toList()).containsExactly(Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(3200), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void testASkipMovesThePositionInMemoryUntilTheNextCommitMakesItDurable() {
        DurableConsumer<Map<String, Object>> consumer = consumer(RetryPolicy.fixed(Duration.ZERO, 1));
        consumer.skipTo(7);
        assertThat(consumer.position()).isEqualTo(7);
        assertThat(storage.logStore().checkpoint(NAME)).isZero();

        consumer.commitPosition(9);
        assertThat(storage.logStore().checkpoint(NAME)).isEqualTo(9);
        consumer.skipTo(3);
        assertThat(consumer.position()).isEqualTo(9);
    }

    @Test
    void testWorkThatWouldMoveThePositionBackIsAFailure() {
        DurableConsumer<Map<String, Object>> consumer = consumer(RetryPolicy.fixed(Duration.ZERO, RetryPolicy.FOREVER));
        consumer.handOff(5, after -> items(after, 5));

        assertThat(consumer.handOff(6, after -> Batch.empty(2))).isInstanceOfSatisfying(HandoffOutcome.Failed.class,
                f -> assertThat(f.cause()).hasMessageContaining("cannot move back from 5 to 2"));
        assertThat(consumer.position()).isEqualTo(5);
    }

    private DurableConsumer<Map<String, Object>> consumer(RetryPolicy retry) {
        LogStore logStore = storage.logStore();
        return DurableConsumer.writingTable(logStore, WS, TABLE, NAME, retry, clock);
    }

    /** Items after {@code after} up to {@code upTo}, as rows. */
    private Batch<Map<String, Object>> items(long after, long upTo) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long item = after + 1; item <= upTo; item++) {
            rows.add(Map.of("Item", item));
        }
        return new Batch<>(rows, upTo);
    }

    private List<Long> items() {
        return storage.logStore().query(WS, QueryRequest.of(TABLE + " | sort by Item asc | project Item")).primary().rows().stream()
                .map(row -> Long.parseLong(String.valueOf(row.get(0)))).toList();
    }
}
