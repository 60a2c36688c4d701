package dev.vigil.iot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.testing.MutableClock;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable queue on the real DuckDB store: order, per-device limit, expiry, completion. */
class TestCloudToDeviceQueue {
    @TempDir
    Path data;
    private Storage storage;
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T10:00:00Z"));
    private CloudToDeviceQueue queue;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        queue = new CloudToDeviceQueue(storage.stateStore(), clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void testMessagesWaitInOrderPerDeviceAndCompletionRemovesThem() {
        queue.enqueue("plant-hub", "sensor-1", bytes("first"), Map.of("command", "a"));
        queue.enqueue("plant-hub", "sensor-10", bytes("other device"), Map.of());
        queue.enqueue("plant-hub", "sensor-1", bytes("second"), Map.of());
        queue.enqueue("office-hub", "sensor-1", bytes("other hub"), Map.of());

        var waiting = queue.pending("PLANT-HUB", "sensor-1");
        assertThat(waiting).extracting(message -> new String(message.body(), StandardCharsets.UTF_8)).containsExactly("first", "second");
        assertThat(waiting.get(0).properties()).containsEntry("command", "a");
        assertThat(waiting.get(0).expiresAt()).isEqualTo(clock.instant().plus(CloudToDeviceQueue.TIME_TO_LIVE));

        queue.complete(waiting.get(0));
        assertThat(queue.pending("plant-hub", "sensor-1")).extracting(CloudToDeviceMessage::messageId).containsExactly(waiting.get(1).messageId());
    }

    @Test
    void testADeviceWithFiftyWaitingRefusesMore() {
        for (int index = 0; index < CloudToDeviceQueue.MAX_PENDING; index++) {
            queue.enqueue("plant-hub", "sensor-1", bytes("m" + index), Map.of());
        }

        assertThatThrownBy(() -> queue.enqueue("plant-hub", "sensor-1", bytes("one too many"), Map.of()))
                .isInstanceOfSatisfying(CloudToDeviceQueueFullException.class, e -> assertThat(e.code()).isEqualTo("DeviceMaximumQueueDepthExceeded"))
                .hasMessage("device 'sensor-1' of hub 'plant-hub' already has 50 cloud-to-device messages waiting; it must receive some before more can be sent");
        assertThat(queue.enqueue("plant-hub", "sensor-2", bytes("another device still may"), Map.of())).isNotNull();
    }

    @Test
    void testExpiredMessagesAreDroppedAndPurgeEmptiesADevice() {
        queue.enqueue("plant-hub", "sensor-1", bytes("stale"), Map.of());
        clock.advance(CloudToDeviceQueue.TIME_TO_LIVE.minus(Duration.ofMinutes(1)));
        queue.enqueue("plant-hub", "sensor-1", bytes("fresh"), Map.of());
        clock.advance(Duration.ofMinutes(2));

        assertThat(queue.pending("plant-hub", "sensor-1")).extracting(message -> new String(message.body(), StandardCharsets.UTF_8))
                .containsExactly("fresh");

        queue.purge("plant-hub", "sensor-1");
        assertThat(queue.pending("plant-hub", "sensor-1")).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
