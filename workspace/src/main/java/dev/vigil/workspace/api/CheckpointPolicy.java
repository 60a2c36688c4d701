package dev.vigil.workspace.api;

/**
 * When the write-ahead log is folded into the database file (a checkpoint).
 *
 * <p>The engine checkpoints inside the commit that takes its log past {@code engineThresholdBytes},
 * and every other commit waits until that checkpoint ends. With {@code scheduledThresholdBytes}
 * above zero, Vigil checkpoints on a connection of its own whenever the log has grown past it,
 * and counts and times each checkpoint; the engine's threshold is then only a bound for when
 * Vigil's checkpoints cannot run. The log's size bounds the time a restart after a crash spends
 * replaying it. On DuckDB 2.0.0.1 commits still wait while a checkpoint runs, on any connection
 * (measured; docs/benchmarks.md).
 *
 * @param engineThresholdBytes the engine's own {@code checkpoint_threshold}
 * @param scheduledThresholdBytes log size at which Vigil checkpoints; 0 leaves checkpoints to the engine
 */
public record CheckpointPolicy(long engineThresholdBytes, long scheduledThresholdBytes) {
    private static final long MIB = 1024L * 1024;
    /** The engine's own default threshold. */
    public static final long ENGINE_DEFAULT_BYTES = 16 * MIB;

    public CheckpointPolicy {
        if (engineThresholdBytes < MIB) {
            throw new IllegalArgumentException("engineThresholdBytes must be at least 1 MiB, was " + engineThresholdBytes);
        }
        if (scheduledThresholdBytes < 0 || scheduledThresholdBytes > engineThresholdBytes) {
            throw new IllegalArgumentException("scheduledThresholdBytes must be between 0 and engineThresholdBytes ("
                    + engineThresholdBytes + "), was " + scheduledThresholdBytes);
        }
    }

    /** Checkpoints inside commits, at the engine's default threshold: what Vigil did before it scheduled them. */
    public static CheckpointPolicy inCommits() {
        return new CheckpointPolicy(ENGINE_DEFAULT_BYTES, 0);
    }

    /** Vigil checkpoints at {@code bytes} of log, beside commits; the engine only at eight times that. */
    public static CheckpointPolicy scheduled(long bytes) {
        return new CheckpointPolicy(8 * bytes, bytes);
    }

    /**
     * The default: Vigil checkpoints at 16 MiB of log, as often as the engine did, and the engine
     * only at 128 MiB, when Vigil's checkpoints keep failing. A larger log makes checkpoints rarer
     * but each longer (commits wait for them on DuckDB 2.0.0.1), and a restart after a crash slower:
     * see docs/benchmarks.md, "Checkpoints".
     */
    public static CheckpointPolicy defaults() {
        return scheduled(ENGINE_DEFAULT_BYTES);
    }

    public boolean scheduled() {
        return scheduledThresholdBytes > 0;
    }
}
