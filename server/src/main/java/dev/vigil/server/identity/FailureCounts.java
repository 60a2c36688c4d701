package dev.vigil.server.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per key (an account, an address, or both), and the wait each key has
 * earned: none up to {@code allowed} failures, then {@code firstWait} for the next failure,
 * doubling with each further one up to {@code maxWait}. A key is forgotten {@code forgetAfter}
 * after its last failure.
 */
final class FailureCounts<K> {
    private record Failures(int count, Instant lastFailure, Instant waitUntil) {
    }

    private final int allowed;
    private final Duration firstWait;
    private final Duration maxWait;
    private final Duration forgetAfter;
    private final Map<K, Failures> failures = new ConcurrentHashMap<>();

    FailureCounts(int allowed, Duration firstWait, Duration maxWait, Duration forgetAfter) {
        this.allowed = allowed;
        this.firstWait = firstWait;
        this.maxWait = maxWait;
        this.forgetAfter = forgetAfter;
    }

    /** How long the key must still wait; zero when it may try now. */
    Duration remaining(K key, Instant now) {
        Failures found = failures.get(key);
        if (found == null || !found.waitUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, found.waitUntil());
    }

    void recordFailure(K key, Instant now) {
        failures.compute(key, (k, previous) -> {
            int count = previous == null || isForgotten(previous, now) ? 1 : previous.count() + 1;
            Instant waitUntil = count < allowed ? now : now.plus(waitAfter(count - allowed));
            return new Failures(count, now, waitUntil);
        });
    }

    void clear(K key) {
        failures.remove(key);
    }

    int size() {
        return failures.size();
    }

    /** Drops the keys whose failures are forgotten and who wait for nothing. */
    void forgetOld(Instant now) {
        failures.values().removeIf(f -> isForgotten(f, now) && !f.waitUntil().isAfter(now));
    }

    private boolean isForgotten(Failures failures, Instant now) {
        return failures.lastFailure().plus(forgetAfter).isBefore(now);
    }

    /** {@code firstWait} when the limit is reached, then twice that per further failure, at most {@code maxWait}. */
    private Duration waitAfter(int beyondLimit) {
        Duration wait = firstWait.multipliedBy(1L << Math.min(beyondLimit, 20));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
