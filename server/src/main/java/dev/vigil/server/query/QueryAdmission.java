package dev.vigil.server.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Places for running interactive queries: at most {@link QueryConcurrency#maxRunning()} in all and
 * {@link QueryConcurrency#maxRunningPerCaller()} per caller. A query that finds no place waits a
 * little in a bounded queue, then is refused, so that a burst of heavy queries cannot take the
 * cores that ingestion, detection and rules need.
 */
final class QueryAdmission {
    private final QueryConcurrency limits;
    private final Map<String, Integer> runningByCaller = new HashMap<>();
    private int running;
    private int queued;

    QueryAdmission(QueryConcurrency limits) {
        this.limits = limits;
    }

    /** Takes a place for the caller, waiting for one if need be; release it with {@link #release(String)}. */
    synchronized void admit(String caller) throws InterruptedException {
        if (hasPlace(caller)) {
            take(caller);
            return;
        }
        if (queued >= limits.maxQueued()) {
            throw refusal(caller);
        }
        long deadline = System.nanoTime() + limits.maxQueueWait().toNanos();
        queued++;
        try {
            while (!hasPlace(caller)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw refusal(caller);
                }
                wait(Math.max(1, remaining / 1_000_000));
            }
        } finally {
            queued--;
        }
        take(caller);
    }

    synchronized void release(String caller) {
        running--;
        runningByCaller.computeIfPresent(caller, (c, count) -> count == 1 ? null : count - 1);
        notifyAll();
    }

    synchronized int running() {
        return running;
    }

    synchronized int queued() {
        return queued;
    }

    private boolean hasPlace(String caller) {
        return running < limits.maxRunning() && runningByCaller.getOrDefault(caller, 0) < limits.maxRunningPerCaller();
    }

    private void take(String caller) {
        running++;
        runningByCaller.merge(caller, 1, Integer::sum);
    }

    private QueryThrottledException refusal(String caller) {
        Duration retryAfter = limits.maxQueueWait().isZero() ? Duration.ofSeconds(1) : limits.maxQueueWait();
        if (runningByCaller.getOrDefault(caller, 0) >= limits.maxRunningPerCaller()) {
            return new QueryThrottledException("'" + caller + "' already runs " + limits.maxRunningPerCaller()
                    + " queries, the most one caller may run at once; wait for one to finish or cancel it.", retryAfter);
        }
        return new QueryThrottledException("The server already runs " + limits.maxRunning()
                + " queries, the most it runs at once; try again shortly.", retryAfter);
    }
}
