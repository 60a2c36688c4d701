package dev.vigil.iot.twin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.testing.IotBed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The twins' write-ahead journal and its replay, on the real DuckDB state store. */
class TestTwinJournal {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    IotBed bed;
    IotHub hub;
    DeviceAddress sensor;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", true);
        bed.device(hub, "sensor-1");
        sensor = DeviceAddress.device(hub.name(), "sensor-1");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void testAChangeJournaledButNeverStoredIsReplayedAndStoredAtTheNextStart() throws Exception {
        bed.close();
        // what a crash right after the journal write leaves: the change in the journal only
        Twin journaled = withReported(Twin.empty(sensor, Instant.parse("2026-01-01T00:00:00Z")), "{\"firmware\":\"2.0.0\"}");
        try (TwinJournal journal = TwinJournal.open(journalFile())) {
            journal.append(List.of(new TwinJournal.Entry(sensor.key(), journaled)));
        }

        bed = new IotBed(data);
        assertThat(bed.twins.twin(sensor).reported().properties().path("firmware").asText()).isEqualTo("2.0.0");
        assertThat(Files.size(journalFile())).as("the replayed journal is emptied").isZero();

        bed.close();
        bed = new IotBed(data);
        assertThat(bed.twins.twin(sensor).reported().properties().path("firmware").asText()).as("kept by the state store").isEqualTo("2.0.0");
    }

    @Test
    void testTheStateStoreHoldsTheChangesWithoutTheJournalAfterAClose() throws Exception {
        bed.twins.patchReported(sensor, JSON.readTree("{\"firmware\":\"1.2.0\"}"));
        bed.close();
        Files.delete(journalFile());

        bed = new IotBed(data);

        assertThat(bed.twins.twin(sensor).reported().properties().path("firmware").asText()).isEqualTo("1.2.0");
        assertThat(bed.twins.twin(sensor).version()).isEqualTo(2);
    }

    @Test
    void testAReplayDoesNotBringBackTheTwinOfADeletedDevice() throws Exception {
        bed.twins.patchReported(sensor, JSON.readTree("{\"firmware\":\"1.2.0\"}"));
        bed.registry.deleteDevice(hub, "sensor-1");
        bed.device(hub, "sensor-1");
        // what a crash leaves: the journal as it was before any clean close emptied it (the patch, then the removal)
        byte[] journaled = Files.readAllBytes(journalFile());
        bed.close();
        Files.write(journalFile(), journaled);

        bed = new IotBed(data);

        assertThat(bed.twins.twin(sensor).version()).isEqualTo(1);
        assertThat(bed.twins.twin(sensor).reported().properties().has("firmware")).isFalse();
    }

    @Test
    void testACleanCloseEmptiesTheJournalOnceTheStoreHoldsItsChanges() throws Exception {
        bed.twins.patchReported(sensor, JSON.readTree("{\"firmware\":\"1.2.0\"}"));
        assertThat(Files.size(journalFile())).as("a change is journaled before it is acknowledged").isPositive();

        bed.close();

        assertThat(Files.size(journalFile())).as("nothing for a clean restart to replay").isZero();
        bed = new IotBed(data);
        assertThat(bed.twins.twin(sensor).reported().properties().path("firmware").asText()).as("kept by the state store").isEqualTo("1.2.0");
    }

    @Test
    void testALastLineCutShortByACrashIsDroppedAndTheRestReplayed() throws Exception {
        bed.close();
        Twin journaled = withReported(Twin.empty(sensor, Instant.parse("2026-01-01T00:00:00Z")), "{\"firmware\":\"2.0.0\"}");
        try (TwinJournal journal = TwinJournal.open(journalFile())) {
            journal.append(List.of(new TwinJournal.Entry(sensor.key(), journaled)));
        }
        Files.writeString(journalFile(), "{\"key\":\"plant-hub/sensor-1\",\"twin\":{\"hubNa", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        bed = new IotBed(data);

        assertThat(bed.twins.twin(sensor).reported().properties().path("firmware").asText()).isEqualTo("2.0.0");
    }

    private Path journalFile() {
        return data.resolve("iot-twin-journal.ndjson");
    }

    private static Twin withReported(Twin twin, String patch) throws Exception {
        return twin.withReported(twin.reported().patched((ObjectNode) JSON.readTree(patch), Instant.parse("2026-01-01T00:00:01Z"), false));
    }
}
