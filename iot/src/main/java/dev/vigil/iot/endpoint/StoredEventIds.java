package dev.vigil.iot.endpoint;

import dev.vigil.iot.dedup.RecentEventIds;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts back, on start, the event ids that {@link RecentEventIds} held before a stop: the ids of
 * the {@code SecurityIoTRawEvent} rows received within the window, newest first, until the id
 * limit is reached. So a device that re-sends, right after a restart, a message whose
 * acknowledgement the stop cut off is still answered as a retry.
 *
 * <p>The rows are read in chunks of at most {@value #CHUNK_ROWS} rows (more only when that many
 * arrived within one {@link #BIN}), so that a large window never holds all its rows in memory at
 * once. Events of hubs that do not store raw events cannot be put back.
 */
public final class StoredEventIds {
    static final int CHUNK_ROWS = 100_000;
    static final Duration BIN = Duration.ofSeconds(10);

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
        Instant since = clock.instant().minus(ids.settings().window());
        long restored = 0;
        for (String workspace : RawEventRows.workspaces(registry, logStore)) {
            for (Chunk chunk : chunks(workspace, since)) {
                if (restored >= ids.settings().maxIds()) {
                    return restored;
                }
                long taken = restoreChunk(workspace, chunk, ids);
                restored += taken;
                if (taken * 2 < chunk.rows()) {
                    // the stripes are full (or the rest is out of the window): older chunks would fare no better
                    break;
                }
            }
        }
        return restored;
    }

    /** Spans of received time, newest first, each holding at most {@link #CHUNK_ROWS} rows unless one bin alone holds more. */
    private List<Chunk> chunks(String workspace, Instant since) {
        ResultTable bins = logStore.query(workspace, QueryRequest.of(RawEventRows.TABLE + " | where TimeGenerated >= " + QueryLiterals.datetime(since)
                + " | summarize Rows = count() by Bin = bin(TimeGenerated, " + BIN.toSeconds() + "s) | order by Bin desc")).primary();
        List<Chunk> chunks = new ArrayList<>();
        Instant end = null;
        Instant start = null;
        long rows = 0;
        for (List<Object> bin : bins.rows()) {
            Instant binStart = Instant.parse(bin.get(0).toString());
            long binRows = ((Number) bin.get(1)).longValue();
            if (end != null && rows + binRows > CHUNK_ROWS) {
                chunks.add(new Chunk(start, end, rows));
                end = null;
            }
            if (end == null) {
                end = binStart.plus(BIN);
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

    private long restoreChunk(String workspace, Chunk chunk, RecentEventIds ids) {
        ResultTable rows = logStore.query(workspace, QueryRequest.of(RawEventRows.TABLE + " | where TimeGenerated >= " + QueryLiterals.datetime(chunk.start())
                + " and TimeGenerated < " + QueryLiterals.datetime(chunk.end()) + " | project AssociatedResourceId, DeviceId, IoTRawEventId, TimeGenerated"))
                .primary();
        long taken = 0;
        for (List<Object> row : rows.rows()) {
            String hubResourceId = row.get(0).toString();
            String hubName = hubResourceId.substring(hubResourceId.lastIndexOf('/') + 1);
            if (ids.remember(hubName, row.get(1).toString(), row.get(2).toString(), Instant.parse(row.get(3).toString()))) {
                taken++;
            }
        }
        return taken;
    }

    /** Rows received in [start, end). */
    private record Chunk(Instant start, Instant end, long rows) {
    }
}
