package dev.vigil.server.console.home;

import dev.vigil.soc.connector.ConnectorDetails;
import dev.vigil.soc.connector.DataConnectors;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the home page shows that costs queries (the 24-hour flow, each connector's last data
 * received), kept per workspace and refreshed in the background once it is older than
 * {@link #FRESH_FOR}. A page is rendered from what is kept, so its time does not depend on how
 * much the workspace holds; only a workspace's first view waits for the queries. The page says
 * when the figures were taken.
 */
final class HomeSnapshots {
    /** Hourly charts and a connector's last data received hardly change within this. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    /** The figures of one workspace at one instant. */
    record Snapshot(FlowByHour flow, List<ConnectorDetails> connectors, Instant takenAt) {
    }

    private final Function<String, Snapshot> take;
    private final Clock clock;
    private final Map<String, Snapshot> kept = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshing = new ConcurrentHashMap<>();
    /** One thread, ended when idle: refreshes are rare and short. */
    private final ExecutorService refresher;

    HomeSnapshots(Function<String, Snapshot> take, Clock clock) {
        this.take = take;
        this.clock = clock;
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "vigil-home-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        this.refresher = executor;
    }

    /** The figures by the workspace's own queries, as the page shows them. */
    static HomeSnapshots of(LogStore logStore, DataConnectors connectors, Clock clock) {
        return new HomeSnapshots(workspace -> {
            Instant now = clock.instant();
            FlowByHour flow = FlowByHour.of(logStore.query(workspace, QueryRequest.of(HomePages.FLOW_QUERY)).primary(), now);
            return new Snapshot(flow, connectors.list(workspace), now);
        }, clock);
    }

    /** The workspace's figures: taken now on its first view, otherwise as kept, refreshed behind the page when no longer fresh. */
    Snapshot current(String workspace) {
        Snapshot snapshot = kept.get(workspace);
        if (snapshot == null) {
            snapshot = take.apply(workspace);
            kept.put(workspace, snapshot);
            return snapshot;
        }
        if (snapshot.takenAt().plus(FRESH_FOR).isBefore(clock.instant()) && refreshing.putIfAbsent(workspace, Boolean.TRUE) == null) {
            refresher.execute(() -> {
                try {
                    kept.put(workspace, take.apply(workspace));
                } catch (RuntimeException e) {
                    // the workspace was deleted or a query failed: the next view takes the figures itself
                    kept.remove(workspace);
                } finally {
                    refreshing.remove(workspace);
                }
            });
        }
        return snapshot;
    }
}
