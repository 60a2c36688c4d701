package dev.vigil.iot.twin.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.iot.twin.InvalidTwinQueryException;
import dev.vigil.iot.twin.TwinUpdate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twin queries over the real registry and twins (DuckDB state store). */
class TestTwinQueries {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    IotBed bed;
    IotHub hub;
    TwinQueries queries;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", false);
        queries = new TwinQueries(bed.registry, bed.twins, address -> address.deviceId().equals("sensor-2"));
        twin("sensor-1", "{\"location\":\"plant-1\",\"floor\":1}", "{\"interval\":30}", "{\"firmware\":\"1.0\",\"battery\":80}");
        twin("sensor-2", "{\"location\":\"plant-1\",\"floor\":2}", "{\"interval\":60}", "{\"firmware\":\"1.1\",\"battery\":15}");
        twin("sensor-3", "{\"location\":\"plant-2\"}", "{}", "{\"firmware\":\"1.1\"}");
        bed.device(hub, "sensor-4");
        bed.registry.setDeviceStatus(hub, "sensor-4", DeviceStatus.DISABLED);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void testWhereOnATagSelectsTheMatchingTwins() {
        assertThat(ids("SELECT * FROM devices WHERE tags.location = 'plant-1'")).containsExactly("sensor-1", "sensor-2");
    }

    @Test
    void testComparisonsOnReportedAndDesiredPropertiesWithAndOrNot() {
        assertThat(ids("SELECT * FROM devices WHERE properties.reported.battery < 50 OR properties.desired.interval >= 60")).containsExactly("sensor-2");
        assertThat(ids("select * from devices where properties.reported.firmware = '1.1' and not (tags.location = 'plant-1')")).containsExactly("sensor-3");
        assertThat(ids("SELECT * FROM devices WHERE properties.reported.firmware <> '1.0'")).containsExactly("sensor-2", "sensor-3");
        // tags.floor is missing on sensor-3: NOT of an undefined comparison stays undefined
        assertThat(ids("SELECT * FROM devices WHERE NOT (tags.floor = 2)")).containsExactly("sensor-1");
    }

    @Test
    void testAComparisonWithAMissingFieldIsUndefinedAndNotDoesNotTurnItTrue() {
        // sensor-3 and sensor-4 have no battery: neither side of the NOT selects them
        assertThat(ids("SELECT * FROM devices WHERE properties.reported.battery > 50")).containsExactly("sensor-1");
        assertThat(ids("SELECT * FROM devices WHERE NOT (properties.reported.battery > 50)")).containsExactly("sensor-2");
    }

    @Test
    void testIsDefinedStatusDeviceIdConnectionStateAndIn() {
        assertThat(ids("SELECT * FROM devices WHERE NOT IS_DEFINED(tags.location)")).containsExactly("sensor-4");
        assertThat(ids("SELECT * FROM devices WHERE status = 'disabled'")).containsExactly("sensor-4");
        assertThat(ids("SELECT * FROM devices WHERE deviceId IN ['sensor-1', 'sensor-3', 'nobody']")).containsExactly("sensor-1", "sensor-3");
        assertThat(ids("SELECT * FROM devices WHERE connectionState = 'Connected'")).containsExactly("sensor-2");
        assertThat(ids("SELECT * FROM devices WHERE STARTSWITH(tags.location, 'plant-') AND tags.location NIN ['plant-2']"))
                .containsExactly("sensor-1", "sensor-2");
    }

    @Test
    void testCountAlone() {
        TwinQueryPage page = queries.query(hub, "SELECT COUNT() AS numberOfDevices FROM devices WHERE tags.location = 'plant-1'", Optional.empty(), 100);

        assertThat(page.itemType()).isEqualTo("raw");
        assertThat(page.items()).extracting(JsonNode::toString).containsExactly("{\"numberOfDevices\":2}");
    }

    @Test
    void testCountGroupedByAReportedProperty() {
        TwinQueryPage page = queries.query(hub,
                "SELECT properties.reported.firmware AS firmware, COUNT() AS devices FROM devices GROUP BY properties.reported.firmware",
                Optional.empty(), 100);

        // sensor-4 reported nothing: its group has no firmware field
        assertThat(page.items()).extracting(JsonNode::toString)
                .containsExactlyInAnyOrder("{\"firmware\":\"1.0\",\"devices\":1}", "{\"firmware\":\"1.1\",\"devices\":2}", "{\"devices\":1}");
    }

    @Test
    void testPagesFollowTheContinuationToTheEndWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        Optional<String> continuation = Optional.empty();
        int pages = 0;
        do {
            TwinQueryPage page = queries.query(hub, "SELECT * FROM devices", continuation, 3);
            page.items().forEach(item -> seen.add(item.path("deviceId").asText()));
            continuation = page.continuation();
            pages++;
            if (pages == 1) {
                // a device added after the first page comes in its place in the order, not twice
                bed.device(hub, "sensor-0");
                bed.device(hub, "sensor-5");
            }
        } while (continuation.isPresent());

        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly("sensor-1", "sensor-2", "sensor-3", "sensor-4", "sensor-5");
    }

    @Test
    void testProjectionsAndTopAndModules() {
        bed.registry.putModule(hub, "sensor-1", "azureiotsecurity", DeviceStatus.ENABLED);
        bed.registry.putModule(hub, "sensor-2", "azureiotsecurity", DeviceStatus.ENABLED);

        TwinQueryPage projected = queries.query(hub, "SELECT TOP 2 deviceId, tags.location AS where FROM devices", Optional.empty(), 100);
        TwinQueryPage modules = queries.query(hub, "SELECT * FROM devices.modules WHERE moduleId = 'azureiotsecurity'", Optional.empty(), 100);

        assertThat(projected.items()).extracting(JsonNode::toString)
                .containsExactly("{\"deviceId\":\"sensor-1\",\"where\":\"plant-1\"}", "{\"deviceId\":\"sensor-2\",\"where\":\"plant-1\"}");
        assertThat(modules.itemType()).isEqualTo("twin");
        assertThat(modules.items()).extracting(item -> item.path("deviceId").asText() + "/" + item.path("moduleId").asText())
                .containsExactly("sensor-1/azureiotsecurity", "sensor-2/azureiotsecurity");
    }

    @Test
    void testOrderByOrdersByEachKeyInTurnMissingValuesFirst() {
        assertThat(ids("SELECT * FROM devices ORDER BY properties.reported.battery DESC")).containsExactly("sensor-1", "sensor-2", "sensor-3", "sensor-4");
        assertThat(ids("SELECT * FROM devices ORDER BY tags.floor")).containsExactly("sensor-3", "sensor-4", "sensor-1", "sensor-2");
        assertThat(ids("SELECT * FROM devices ORDER BY properties.reported.firmware DESC, deviceId DESC"))
                .containsExactly("sensor-3", "sensor-2", "sensor-1", "sensor-4");
        assertThat(ids("SELECT TOP 1 deviceId FROM devices WHERE tags.location = 'plant-1' ORDER BY properties.reported.battery ASC"))
                .containsExactly("sensor-2");
    }

    @Test
    void testOrderedResultsArePagedInTheirOrder() {
        TwinQueryPage first = queries.query(hub, "SELECT * FROM devices ORDER BY tags.floor DESC", Optional.empty(), 3);
        TwinQueryPage second = queries.query(hub, "SELECT * FROM devices ORDER BY tags.floor DESC", first.continuation(), 3);

        assertThat(first.items()).extracting(item -> item.path("deviceId").asText()).containsExactly("sensor-2", "sensor-1", "sensor-3");
        assertThat(second.items()).extracting(item -> item.path("deviceId").asText()).containsExactly("sensor-4");
        assertThat(second.continuation()).isEmpty();
    }

    @Test
    void testBadQueriesNameTheColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> queries.query(hub, "SELECT COUNT() FROM devices ORDER BY deviceId", Optional.empty(), 10))
                .hasMessageStartingWith("ORDER BY does not go with GROUP BY or COUNT()");
        assertThatThrownBy(() -> queries.query(hub, "SELECT * FROM devices ORDER deviceId", Optional.empty(), 10))
                .hasMessage("column 29: expected BY, found 'deviceId'");
        assertThatThrownBy(() -> queries.query(hub, "SELECT * FROM devices WHERE tags.location == 'x'", Optional.empty(), 10))
                .isInstanceOf(InvalidTwinQueryException.class).hasMessage("column 44: expected a field or a value, found '='");
        assertThatThrownBy(() -> queries.query(hub, "SELECT * FROM things", Optional.empty(), 10))
                .hasMessage("column 15: FROM takes devices or devices.modules, not 'things'");
        assertThatThrownBy(() -> queries.query(hub, "SELECT deviceId, COUNT() FROM devices", Optional.empty(), 10))
                .hasMessage("'deviceId' is selected beside COUNT() but is not in GROUP BY");
        assertThatThrownBy(() -> queries.query(hub, "SELECT * FROM devices WHERE tags.a = 'open", Optional.empty(), 10))
                .hasMessage("the string starting at column 38 has no closing '");
        assertThatThrownBy(() -> queries.query(hub, "SELECT * FROM devices", Optional.of("bm90LWEtdG9rZW4"), 10))
                .hasMessageContaining("x-ms-continuation is not a token this query gave");
        assertThatThrownBy(() -> queries.query(hub, "SELECT * FROM devices WHERE " + "NOT ".repeat(100) + "deviceId = 'a'", Optional.empty(), 10))
                .hasMessageContaining("nests more than 64 levels");
    }

    private List<String> ids(String query) {
        return queries.query(hub, query, Optional.empty(), 100).items().stream().map(item -> item.path("deviceId").asText()).toList();
    }

    private void twin(String deviceId, String tags, String desired, String reported) {
        bed.device(hub, deviceId);
        DeviceAddress address = DeviceAddress.device(hub.name(), deviceId);
        bed.twins.update(address, new TwinUpdate(Optional.of(object(tags)), Optional.of(object(desired))), Optional.empty());
        bed.twins.patchReported(address, object(reported));
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
