package dev.vigil.iot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.dedup.DedupSettings;
import dev.vigil.iot.dedup.RecentEventIds;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.workspace.api.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event ids of the deduplication window put back from {@code SecurityIoTRawEvent} on the real store. */
class TestStoredEventIds {
    /** Far below a chunk, as an operator may set {@code --query-max-rows} on a small node. */
    private static final int RESULT_CAP = 10;

    @TempDir
    Path data;
    private IotBed bed;

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void testEveryIdOfTheWindowIsRestoredWhenTheStoresResultCapIsBelowAChunk() throws Exception {
        bed = new IotBed(StorageSettings.defaults(data).withQueryLimits(QueryLimits.defaults().withResultCap(RESULT_CAP, QueryLimits.DEFAULT_MAX_RESULT_BYTES)));
        IotHub hub = bed.hub("plant-hub", true);
        DeviceIdentity device = bed.registry.identity(hub, bed.device(hub, "sensor-1"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<SecurityEvent> sent = new ArrayList<>();
        for (int hoursAgo = 2; hoursAgo <= 20; hoursAgo += 6) {
            // four messages of four events: more rows in the window than one result may hold
            List<SecurityEvent> events = IntStream.range(0, 4).mapToObj(i -> event()).toList();
            bed.storage.logStore().ingest("default", RawEventRows.TABLE,
                    RawEventRows.of(device, new SecurityMessage("1.0", "", "1.0", events), now.minus(Duration.ofHours(hoursAgo)))).get(10, TimeUnit.SECONDS);
            sent.addAll(events);
        }
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        RecentEventIds ids = new RecentEventIds(DedupSettings.defaults(), clock);

        long restored = new StoredEventIds(bed.storage.logStore(), bed.registry, clock).restoreInto(ids);

        assertThat(restored).isEqualTo(sent.size());
        assertThat(ids.claim("plant-hub", "sensor-1", sent).onlyDuplicates()).isTrue();
    }

    private static SecurityEvent event() {
        Instant at = Instant.parse("2024-05-06T10:00:00Z");
        return new SecurityEvent(UUID.randomUUID().toString(), at.toString(), at, "Triggered", "Login", "Security", false, "1.0",
                List.of(Map.of("Result", "Fail")));
    }
}
