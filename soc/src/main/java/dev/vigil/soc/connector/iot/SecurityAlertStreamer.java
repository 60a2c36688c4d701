package dev.vigil.soc.connector.iot;

import dev.vigil.iot.alert.AlertFeed;
import dev.vigil.iot.alert.AlertVersion;
import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.workspace.api.LogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every version of every alert of a connected subscription's hubs into the workspace's
 * {@code SecurityAlert}, one row per version, exactly once.
 *
 * <p>Per workspace the cursor is the last feed sequence handled, committed as the checkpoint
 * {@code connector/iot/<workspace>} in the same transaction as the rows; after a crash the
 * streamer reads on from it. A version is written when its subscription was connected to the
 * workspace at the version's place in the feed (see {@link ConnectedPeriod}), however late the
 * streamer gets to it. The feed wakes the streamer when it grows, so a new alert is written
 * within a group commit of being raised; batches grow with the backlog.
 */
public final class SecurityAlertStreamer implements AutoCloseable {
    static final String TABLE = SecurityAlertRow.TABLE;
    static final int DEFAULT_BATCH = 1000;
    /** Versions handed over by the feed and kept for the next read; older ones are read back from the feed. */
    static final int RECENT_VERSIONS = 10_000;
    /** A wake-up can only be missed through a bug; looking again now and then bounds what it would cost. */
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(30);
    /** A failed commit is retried after 100 ms, doubling up to 5 s, until it succeeds: no alert version is given up. */
    private static final RetryPolicy RETRY = RetryPolicy.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));
    private static final Logger LOG = LoggerFactory.getLogger(SecurityAlertStreamer.class);

    private final IotConnections connections;
    private final AlertFeed feed;
    private final LogStore logStore;
    private final Clock clock;
    private final StreamObserver observer;
    private final int batchSize;
    private final Map<String, DurableConsumer<Map<String, Object>>> consumers = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, AlertVersion> recent = new ConcurrentSkipListMap<>();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final Object signal = new Object();
    private final Thread thread;
    private boolean wakeRequested;
    private volatile boolean running = true;

    private SecurityAlertStreamer(DefenderForIotConnector connector, LogStore logStore, Clock clock, StreamObserver observer, int batchSize) {
        this.connections = connector.connections();
        this.feed = connector.feed();
        this.logStore = logStore;
        this.clock = clock;
        this.observer = observer;
        this.batchSize = batchSize;
        this.thread = new Thread(this::run, "vigil-securityalert-streamer");
        thread.setDaemon(true);
    }

    /** Starts streaming for every workspace the connector connects subscriptions to. */
    public static SecurityAlertStreamer start(DefenderForIotConnector connector, LogStore logStore, Clock clock, StreamObserver observer) {
        return start(connector, logStore, clock, observer, DEFAULT_BATCH);
    }

    /** As {@link #start(DefenderForIotConnector, LogStore, Clock, StreamObserver)}, with at most {@code batchSize} versions per commit. */
    static SecurityAlertStreamer start(DefenderForIotConnector connector, LogStore logStore, Clock clock, StreamObserver observer, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        SecurityAlertStreamer streamer = new SecurityAlertStreamer(connector, logStore, clock, observer, batchSize);
        streamer.feed.addAppendListener(streamer::appended);
        streamer.connections.addChangeListener(streamer::wake);
        streamer.thread.start();
        return streamer;
    }

    /** The checkpoint consumer of a workspace: {@code connector/iot/<workspace>}. */
    public static String consumer(String workspaceId) {
        return "connector/iot/" + workspaceId;
    }

    /** Rows written since this streamer started. */
    public long rowsWritten() {
        return rowsWritten.get();
    }

    /**
     * How many feed versions the furthest-behind workspace with a connected subscription has not
     * handled yet; 0 when every one is up to date.
     */
    public long lag() {
        long end = feed.lastSequence();
        return connections.snapshot().connections().stream().filter(SubscriptionConnection::connected)
                .map(SubscriptionConnection::workspaceId).distinct()
                .mapToLong(workspace -> Math.max(0, end - consumerOf(workspace).position()))
                .max().orElse(0);
    }

    /** Stops after the commit in progress, if any; what is not written yet is written after the next start. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the SecurityAlert streamer did not stop within 30 s");
        }
    }

    /** Keeps the version for the next read, so that streaming what was just raised needs no read of the feed. */
    private void appended(AlertVersion version) {
        recent.put(version.sequence(), version);
        while (recent.size() > RECENT_VERSIONS) {
            recent.pollFirstEntry();
        }
        wake();
    }

    private void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            Duration pause;
            try {
                pause = pass();
            } catch (RuntimeException e) {
                // not a hand-off's failure (those are retried by their consumer): look again after a while
                LOG.error("streaming IoT alerts into SecurityAlert failed; looking again in {} ms", RETRY.longestPause().toMillis(), e);
                pause = RETRY.longestPause();
            }
            if (!pause.isZero()) {
                awaitWake(pause);
            }
        }
    }

    private void awaitWake(Duration timeout) {
        synchronized (signal) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!wakeRequested && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    /** One batch per workspace; how long to wait before the next pass: 0 when some workspace has more to read. */
    private Duration pass() {
        IotConnections.Snapshot snapshot = connections.snapshot();
        Map<String, List<SubscriptionConnection>> byWorkspace = snapshot.connections().stream()
                .collect(Collectors.groupingBy(SubscriptionConnection::workspaceId));
        Duration pause = IDLE_RECHECK;
        for (Map.Entry<String, List<SubscriptionConnection>> workspace : byWorkspace.entrySet()) {
            if (!running) {
                return Duration.ZERO;
            }
            Duration next = streamBatch(workspace.getKey(), workspace.getValue(), snapshot.feedEnd());
            pause = next.compareTo(pause) < 0 ? next : pause;
        }
        return pause;
    }

    /**
     * The workspace's consumer: its position is the last feed sequence handled. Its retries are
     * paced by the system clock: they wait out a fault of the machine, whatever time the streamer's
     * clock tells.
     */
    private DurableConsumer<Map<String, Object>> consumerOf(String workspaceId) {
        return consumers.computeIfAbsent(workspaceId, id -> DurableConsumer.writingTable(logStore, id, TABLE, consumer(id), RETRY,
                Clock.systemUTC()));
    }

    /**
     * Writes the next batch of the workspace's versions up to {@code feedEnd}, the connections
     * being exact up to there; returns how long to wait before the workspace's next batch: 0
     * when versions before {@code feedEnd} are left, the retry pause after a failure.
     */
    private Duration streamBatch(String workspaceId, List<SubscriptionConnection> workspaceConnections, long feedEnd) {
        DurableConsumer<Map<String, Object>> consumer = consumerOf(workspaceId);
        long cursor = consumer.position();
        // nothing before the first period still open to this cursor can be written: skip to it
        long from = Math.max(cursor, workspaceConnections.stream().mapToLong(connection -> connection.firstStartAfter(cursor)).min()
                .orElse(Long.MAX_VALUE));
        if (from >= feedEnd) {
            if (from != Long.MAX_VALUE) {
                consumer.skipTo(Math.min(from, feedEnd));
            }
            return IDLE_RECHECK;
        }
        if (from > cursor) {
            consumer.skipTo(from);
        }
        List<AlertVersion> written = new ArrayList<>();
        HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(feedEnd, after -> {
            List<AlertVersion> read = read(after, (int) Math.min(batchSize, feedEnd - after));
            List<Map<String, Object>> rows = new ArrayList<>();
            written.clear();
            for (AlertVersion version : read) {
                if (covered(workspaceConnections, version)) {
                    written.add(version);
                    rows.add(SecurityAlertRow.of(version));
                }
            }
            return new Batch<>(rows, read.get(read.size() - 1).sequence());
        });
        if (outcome instanceof HandoffOutcome.Committed<Map<String, Object>> committed) {
            long position = committed.batch().position();
            long oldest = consumers.values().stream().mapToLong(DurableConsumer::position).min().orElse(position);
            recent.headMap(oldest, true).clear();
            rowsWritten.addAndGet(committed.batch().output().size());
            observer.committed(workspaceId, written, clock.instant());
            return position < feedEnd ? Duration.ZERO : IDLE_RECHECK;
        }
        if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
            // the position did not move, so the next attempt writes the same versions again
            LOG.error("streaming IoT alerts of workspace '{}' into SecurityAlert failed (attempt {}); retrying in {} ms", workspaceId,
                    failed.attempt(), failed.retryIn().toMillis(), failed.cause());
            return failed.retryIn();
        }
        HandoffOutcome.Waiting<Map<String, Object>> waiting = (HandoffOutcome.Waiting<Map<String, Object>>) outcome;
        Duration left = Duration.between(Instant.now(), waiting.retryAt());
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    /** The versions after {@code after}, from those kept when all are there, else from the feed. */
    private List<AlertVersion> read(long after, int limit) {
        List<AlertVersion> kept = new ArrayList<>(recent.subMap(after, false, after + limit, true).values());
        if (kept.size() == limit) {
            return kept;
        }
        return feed.read(after, limit);
    }

    private static boolean covered(List<SubscriptionConnection> workspaceConnections, AlertVersion version) {
        String subscriptionId = SecurityAlertRow.subscriptionOf(version.alert().hubResourceId());
        return workspaceConnections.stream()
                .anyMatch(connection -> connection.subscriptionId().equals(subscriptionId) && connection.covers(version.sequence()));
    }
}
