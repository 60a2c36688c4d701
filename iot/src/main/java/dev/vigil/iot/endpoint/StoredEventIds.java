package dev.vigil.iot.endpoint;

import dev.vigil.iot.dedup.RecentEventIds;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back, on start, the event ids that {@link RecentEventIds} held before a stop: the ids of
 * the {@code SecurityIoTRawEvent} rows received within the window, newest first, until the id
 * limit is reached. So a device that re-sends, right after a restart, a message whose
 * acknowledgement the stop cut off is still answered as a retry.
 *
 * <p>The rows are read in chunks of at most {@value #CHUNK_ROWS} rows (more only when that many
 * arrived within one bin of received time), so that a large window never holds all its rows in
 * memory at once. Every read also fits the store's result cap, which an operator may set lower
 * than a chunk: a chunk then holds at most that many rows, and bins are widened until the
 * window's bins fit one result. Events of hubs that do not store raw events cannot be put back.
 */
public final class StoredEventIds {
    static final int CHUNK_ROWS = 100_000;
    /** The narrowest bin: chunks end on bin boundaries. */
    static final Duration BIN = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(StoredEventIds.class);

    private final LogStore logStore;
    private final IotRegistry registry;
    private final Clock clock;

    public StoredEventIds(LogStore logStore, IotRegistry registry, Clock clock) {
        this.logStore = logStore;
        this.registry = registry;
        this.clock = clock;
    }

    /** @return how many ids were put back */
    public long restoreInto(RecentEventIds ids) {
        if (!ids.settings().enabled()) {
            return 0;
        }
        Duration window = ids.settings().window();
        Instant since = clock.instant().minus(window);
        int maxRows = logStore.queryLimits().maxResultRows();
        int chunkRows = Math.min(CHUNK_ROWS, maxRows);
        // a window of w seconds has at most w / bin + 1 bins, which the summary of bins must fit
        long binsAllowed = Math.max(1, maxRows - 1);
        Duration bin = Duration.ofSeconds(Math.max(BIN.toSeconds(), (window.toSeconds() + binsAllowed - 1) / binsAllowed));
        long restored = 0;
        for (String workspace : RawEventRows.workspaces(registry, logStore)) {
            List<Chunk> chunks = chunks(workspace, since, bin, chunkRows);
            LOG.info("deduplication: reading the ids of {} security events received since {} in workspace '{}', in {} chunks",
                    chunks.stream().mapToLong(Chunk::rows).sum(), since, workspace, chunks.size());
            for (Chunk chunk : chunks) {
                if (restored >= ids.settings().maxIds()) {
                    return restored;
                }
                List<List<Object>> rows = read(workspace, chunk);
                long taken = remember(rows, ids);
                restored += taken;
                if (taken * 2 < rows.size()) {
                    // the stripes are full: older chunks would fare no better
                    break;
                }
            }
        }
        return restored;
    }

    /** Spans of received time, newest first, each holding at most {@code chunkRows} rows unless one bin alone holds more. */
    private List<Chunk> chunks(String workspace, Instant since, Duration bin, int chunkRows) {
        ResultTable bins = query(workspace, RawEventRows.TABLE + " | where TimeGenerated >= " + QueryLiterals.datetime(since)
                + " | summarize Rows = count() by Bin = bin(TimeGenerated, " + bin.toSeconds() + "s) | order by Bin desc");
        List<Chunk> chunks = new ArrayList<>();
        Instant end = null;
        Instant start = null;
        long rows = 0;
        for (List<Object> row : bins.rows()) {
            Instant binStart = Instant.parse(row.get(0).toString());
            long binRows = ((Number) row.get(1)).longValue();
            if (end != null && rows + binRows > chunkRows) {
                chunks.add(new Chunk(start, end, rows));
                end = null;
            }
            if (end == null) {
                end = binStart.plus(bin);
                rows = 0;
            }
            start = binStart.isBefore(since) ? since : binStart;
            rows += binRows;
        }
        if (end != null) {
            chunks.add(new Chunk(start, end, rows));
        }
        return chunks;
    }

    private List<List<Object>> read(String workspace, Chunk chunk) {
        return query(workspace, RawEventRows.TABLE + " | where TimeGenerated >= " + QueryLiterals.datetime(chunk.start())
                + " and TimeGenerated < " + QueryLiterals.datetime(chunk.end()) + " | project AssociatedResourceId, DeviceId, IoTRawEventId, TimeGenerated")
                .rows();
    }

    /** @return how many of the rows' ids were taken */
    private static long remember(List<List<Object>> rows, RecentEventIds ids) {
        long taken = 0;
        for (List<Object> row : rows) {
            String hubResourceId = row.get(0).toString();
            String hubName = hubResourceId.substring(hubResourceId.lastIndexOf('/') + 1);
            if (ids.remember(hubName, row.get(1).toString(), row.get(2).toString(), Instant.parse(row.get(3).toString()))) {
                taken++;
            }
        }
        return taken;
    }

    /** A result cut at the store's caps is used as far as it goes; that some ids are missing is logged. */
    private ResultTable query(String workspace, String kql) {
        QueryResult result = logStore.query(workspace, QueryRequest.of(kql));
        result.truncation().ifPresent(cut -> LOG.warn("deduplication: the store's result cap cut a read of workspace '{}', so some ids of"
                + " security events received before the restart are not restored: {}", workspace, cut.message()));
        return result.primary();
    }

    /** Rows received in [start, end). */
    private record Chunk(Instant start, Instant end, long rows) {
    }
}
