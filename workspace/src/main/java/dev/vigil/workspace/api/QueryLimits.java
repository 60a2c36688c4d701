package dev.vigil.workspace.api;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * What one query may take from the node.
 *
 * @param maxResultRows a result with more rows is cut here and marked partial (Log Analytics: 500,000)
 * @param maxResultBytes ...as is one whose rows, written as the query API's JSON, pass this size (Log Analytics: 64 MB)
 * @param defaultTimeout a query running longer is stopped, unless its caller asked for another timeout
 * @param maxTimeout the longest timeout a caller may ask for
 * @param memoryLimitBytes the engine's memory for all queries and ingestion together; beyond it,
 *     the engine spills to disk or fails the query, never the process
 */
public record QueryLimits(int maxResultRows, long maxResultBytes, Duration defaultTimeout, Duration maxTimeout, long memoryLimitBytes) {
    public static final int DEFAULT_MAX_RESULT_ROWS = 500_000;
    public static final long DEFAULT_MAX_RESULT_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofMinutes(30);
    /** Less never works: ingestion's {@code read_json} takes 512 MiB per engine thread; the store may ask for more. */
    public static final long MIN_MEMORY_LIMIT = 1024L * 1024 * 1024;

    public QueryLimits {
        if (maxResultRows < 1) {
            throw new IllegalArgumentException("maxResultRows must be at least 1, was " + maxResultRows);
        }
        if (maxResultBytes < 1) {
            throw new IllegalArgumentException("maxResultBytes must be at least 1, was " + maxResultBytes);
        }
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive, was " + defaultTimeout);
        }
        if (maxTimeout.compareTo(defaultTimeout) < 0) {
            throw new IllegalArgumentException("maxTimeout (" + maxTimeout + ") must be at least defaultTimeout (" + defaultTimeout + ")");
        }
        if (memoryLimitBytes < MIN_MEMORY_LIMIT) {
            throw new IllegalArgumentException("memoryLimitBytes must be at least 1 GiB (ingestion alone takes 512 MiB at times), was " + memoryLimitBytes);
        }
    }

    /** Log Analytics' caps, a 10-minute timeout (at most 30 on request), and half the memory the JVM heap leaves. */
    public static QueryLimits defaults() {
        return new QueryLimits(DEFAULT_MAX_RESULT_ROWS, DEFAULT_MAX_RESULT_BYTES, DEFAULT_TIMEOUT, DEFAULT_MAX_TIMEOUT, defaultMemoryLimit());
    }

    /**
     * Half of what the machine (or container) has beyond the JVM's maximum heap, so that the
     * engine and the JVM together stay well inside it; at least 512 MiB per core and 512 MiB more,
     * which ingestion's bulk reads need.
     */
    public static long defaultMemoryLimit() {
        long physical = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        long heap = Runtime.getRuntime().maxMemory();
        long perCore = 512L * 1024 * 1024;
        return Math.max((Runtime.getRuntime().availableProcessors() + 1) * perCore, (physical - heap) / 2);
    }

    public QueryLimits withResultCap(int rows, long bytes) {
        return new QueryLimits(rows, bytes, defaultTimeout, maxTimeout, memoryLimitBytes);
    }

    public QueryLimits withTimeouts(Duration timeout, Duration max) {
        return new QueryLimits(maxResultRows, maxResultBytes, timeout, max, memoryLimitBytes);
    }

    public QueryLimits withMemoryLimit(long bytes) {
        return new QueryLimits(maxResultRows, maxResultBytes, defaultTimeout, maxTimeout, bytes);
    }

    /** The timeout for a caller that asked for {@code requested}: that, but at most {@link #maxTimeout()}. */
    public Duration timeout(Duration requested) {
        return requested.compareTo(maxTimeout) > 0 ? maxTimeout : requested;
    }
}
