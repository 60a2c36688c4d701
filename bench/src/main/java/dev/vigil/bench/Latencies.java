package dev.vigil.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Round trips of one measured operation, in milliseconds, collected by several workers. */
final class Latencies {
    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String firstFailure = "";
    private long startNanos;
    private long endNanos;

    void start() {
        startNanos = System.nanoTime();
    }

    void stop() {
        endNanos = System.nanoTime();
    }

    void add(long nanos) {
        millis.add(nanos / 1e6);
    }

    /** A call that failed: counted, not timed. */
    void failed(Exception e) {
        if (failures.getAndIncrement() == 0) {
            firstFailure = e.toString();
        }
    }

    int count() {
        return millis.size();
    }

    double percentile(double p) {
        List<Double> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    double perSecond() {
        return count() / ((endNanos - startNanos) / 1e9);
    }

    String summary() {
        return String.format("%,7d calls  %,8.0f/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  %d failed%s", count(), perSecond(), percentile(50),
                percentile(99), percentile(100), failures.get(), failures.get() == 0 ? "" : " (first: " + firstFailure + ")");
    }
}
