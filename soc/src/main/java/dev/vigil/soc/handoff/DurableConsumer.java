package dev.vigil.soc.handoff;

import dev.vigil.workspace.api.Checkpoint;
import dev.vigil.workspace.api.LogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * One durable consumer: a named position in what it reads, committed in the same transaction as
 * what it writes (see {@link dev.vigil.workspace.api.Checkpoint}).
 *
 * <p>The contract, the same for every hand-off of the pipeline:
 * <ul>
 *   <li><b>exactly once</b>: {@link #handOff} reads after the position, and the output and the new
 *       position commit together or not at all; the position is read back from the store on first
 *       use, so a consumer made after a restart (or a crash) reads on from the last commit;</li>
 *   <li><b>retry</b>: a failed read or commit moves nothing; the position's failures are counted and
 *       the {@link RetryPolicy} says how long to wait before the next attempt ({@link #ready});</li>
 *   <li><b>give up</b>: when the policy has attempts and the last fails, the position moves to the
 *       target with no output (committed, so a restart does not try again); a commit of the
 *       give-up that fails is a failure like any other;</li>
 *   <li><b>health</b>: {@link #health} says where it is, when it last committed and what failed.</li>
 * </ul>
 * One caller hands off at a time (each consumer has one worker); the other methods may be called
 * from any thread.
 */
public final class DurableConsumer<T> {
    private final String name;
    private final LongSupplier committedPosition;
    private final Committer<T> committer;
    private final RetryPolicy retry;
    private final Clock clock;

    private boolean loaded;
    private long position;
    private long commits;
    private Instant lastCommit;
    private int failuresInARow;
    private String lastError;
    private Instant retryAt;
    private long givenUp;

    /**
     * @param name the checkpoint's consumer name, e.g. {@code connector/iot/default}
     * @param committedPosition reads the committed position (0 if none), on first use
     */
    public DurableConsumer(String name, LongSupplier committedPosition, Committer<T> committer, RetryPolicy retry, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.committedPosition = Objects.requireNonNull(committedPosition, "committedPosition");
        this.committer = Objects.requireNonNull(committer, "committer");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A consumer that writes rows into a table of a workspace, its checkpoint in the log store. */
    public static DurableConsumer<Map<String, Object>> writingTable(LogStore logStore, String workspaceId, String table, String name,
            RetryPolicy retry, Clock clock) {
        return new DurableConsumer<>(name, () -> logStore.checkpoint(name),
                (rows, checkpoint) -> join(() -> logStore.ingest(workspaceId, table, rows, checkpoint).join()), retry, clock);
    }

    public String name() {
        return name;
    }

    /** The position: everything up to it is handed off. */
    public synchronized long position() {
        if (!loaded) {
            position = committedPosition.getAsLong();
            loaded = true;
        }
        return position;
    }

    /** Whether a hand-off may be tried now: no failure is being waited out. */
    public synchronized boolean ready() {
        return retryAt == null || !retryAt.isAfter(clock.instant());
    }

    /**
     * Reads what lies after the position with {@code work} and commits its output with the
     * position it reached. On failure nothing moves, unless the policy gives the position up: then
     * the position moves to {@code target}, with no output.
     *
     * @param target how far the work means to read: where a given-up position moves to
     */
    public HandoffOutcome<T> handOff(long target, Work<T> work) {
        long after = position();
        synchronized (this) {
            if (!ready()) {
                return new HandoffOutcome.Waiting<>(after, retryAt);
            }
        }
        try {
            Batch<T> batch = work.read(after);
            if (batch.position() < after) {
                throw new IllegalStateException(name + ": a hand-off cannot move back from " + after + " to " + batch.position());
            }
            committer.commit(batch.output(), new Checkpoint(name, batch.position()));
            committed(batch.position());
            return new HandoffOutcome.Committed<>(after, batch);
        } catch (RuntimeException e) {
            return failed(after, Math.max(after, target), unwrap(e));
        }
    }

    /**
     * Commits the position alone, without reading: for a consumer that knows nothing after it
     * can produce output. Throws if the commit fails (nothing moves).
     */
    public void commitPosition(long target) {
        long after = position();
        if (target > after) {
            join(() -> committer.commit(List.of(), new Checkpoint(name, target)));
            committed(target);
        }
    }

    /**
     * Moves the position in memory only, for what the consumer knows produces nothing: reading it
     * again after a restart would change nothing, and the next commit makes the move durable.
     */
    public synchronized void skipTo(long target) {
        position();
        position = Math.max(position, target);
    }

    public synchronized ConsumerHealth health() {
        return new ConsumerHealth(name, loaded ? position : committedPosition.getAsLong(), commits, Optional.ofNullable(lastCommit),
                failuresInARow, Optional.ofNullable(lastError), Optional.ofNullable(retryAt), givenUp);
    }

    private synchronized void committed(long to) {
        position = Math.max(position, to);
        commits++;
        lastCommit = clock.instant();
        failuresInARow = 0;
        lastError = null;
        retryAt = null;
    }

    private HandoffOutcome<T> failed(long after, long target, RuntimeException cause) {
        int attempt;
        synchronized (this) {
            attempt = ++failuresInARow;
            lastError = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        if (retry.isLast(attempt)) {
            try {
                committer.commit(List.of(), new Checkpoint(name, target));
                synchronized (this) {
                    committed(target);
                    givenUp++;
                }
                return new HandoffOutcome.GivenUp<>(after, target, cause, attempt);
            } catch (RuntimeException commit) {
                // the give-up itself is retried: the next failure of this position gives it up again
                cause.addSuppressed(unwrap(commit));
            }
        }
        Duration pause = retry.pauseAfter(attempt);
        Instant at = clock.instant().plus(pause);
        synchronized (this) {
            retryAt = at;
        }
        return new HandoffOutcome.Failed<>(after, target, cause, attempt, retry.attempts(), pause, at);
    }

    private static void join(Runnable commit) {
        try {
            commit.run();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }
}
