package dev.vigil.iot.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.Module;
import dev.vigil.iot.testing.IotBed;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twins on the real registry and DuckDB state store. */
class TestTwins {
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
    void testANewTwinIsEmptyAtVersionOne() {
        Twin twin = bed.twins.twin(sensor);

        assertThat(twin.deviceView().toString()).isEqualTo("{\"desired\":{\"$version\":1},\"reported\":{\"$version\":1}}");
        assertThat(twin.etag()).isEqualTo("AAAAAAAAAAE=");
    }

    @Test
    void testDesiredPatchMergesAndStampsMetadataWithTheVersion() {
        bed.twins.update(sensor, desired("{\"telemetry\":{\"interval\":30,\"unit\":\"s\"},\"mode\":\"eco\"}"), Optional.empty());
        Twin twin = bed.twins.update(sensor, desired("{\"telemetry\":{\"interval\":60},\"mode\":null}"), Optional.empty());

        JsonNode desired = twin.serviceView("enabled", false).path("properties").path("desired");
        assertThat(desired.path("telemetry").toString()).isEqualTo("{\"interval\":60,\"unit\":\"s\"}");
        assertThat(desired.has("mode")).isFalse();
        assertThat(desired.path("$version").asLong()).isEqualTo(3);
        assertThat(desired.path("$metadata").path("$lastUpdatedVersion").asLong()).isEqualTo(3);
        assertThat(desired.path("$metadata").path("telemetry").path("interval").path("$lastUpdatedVersion").asLong()).isEqualTo(3);
        assertThat(desired.path("$metadata").path("telemetry").path("unit").path("$lastUpdatedVersion").asLong()).isEqualTo(2);
        assertThat(desired.path("$metadata").has("mode")).isFalse();
        assertThat(twin.version()).isEqualTo(3);
    }

    @Test
    void testReportedMetadataHasLastUpdatedOnly() throws Exception {
        Twin twin = bed.twins.patchReported(sensor, JSON.readTree("{\"firmware\":\"1.2.0\"}"));

        JsonNode reported = twin.serviceView("enabled", true).path("properties").path("reported");
        assertThat(reported.path("$version").asLong()).isEqualTo(2);
        assertThat(reported.path("$metadata").path("firmware").has("$lastUpdated")).isTrue();
        assertThat(reported.path("$metadata").path("firmware").has("$lastUpdatedVersion")).isFalse();
    }

    @Test
    void testTwinsSurviveARestart() throws Exception {
        bed.twins.update(sensor, desired("{\"mode\":\"eco\"}"), Optional.empty());
        bed.twins.patchReported(sensor, JSON.readTree("{\"firmware\":\"1.2.0\"}"));
        String before = bed.twins.twin(sensor).serviceView("enabled", false).toString();
        bed.close();

        bed = new IotBed(data);

        assertThat(bed.twins.twin(sensor).serviceView("enabled", false).toString()).isEqualTo(before);
    }

    @Test
    void testAStaleEtagIsRefusedWith412() {
        String etag = bed.twins.twin(sensor).etag();
        bed.twins.update(sensor, desired("{\"mode\":\"eco\"}"), Optional.of("\"" + etag + "\""));

        assertThatThrownBy(() -> bed.twins.update(sensor, desired("{\"mode\":\"max\"}"), Optional.of("\"" + etag + "\"")))
                .isInstanceOfSatisfying(TwinEtagMismatchException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThat(bed.twins.twin(sensor).desired().properties().path("mode").asText()).isEqualTo("eco");
    }

    @Test
    void testPropertiesOver32KbAreRefusedWith413AndNothingChanges() {
        String big = "x".repeat(4000);
        StringBuilder patch = new StringBuilder("{");
        for (int i = 0; i < 9; i++) {
            patch.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"").append(big).append('"');
        }
        patch.append('}');

        assertThatThrownBy(() -> bed.twins.update(sensor, desired(patch.toString()), Optional.empty()))
                .isInstanceOfSatisfying(TwinTooLargeException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("32768");
                });
        assertThat(bed.twins.twin(sensor).version()).isEqualTo(1);
    }

    @Test
    void testObjectsNestedDeeperThanTenAreRefusedWith400() {
        // the patch's own braces are the root: eleven objects below it are one too many
        String elevenDeep = "{\"a\":".repeat(12) + "1" + "}".repeat(12);
        String tenDeep = "{\"a\":".repeat(11) + "1" + "}".repeat(11);

        assertThatThrownBy(() -> bed.twins.update(sensor, desired(elevenDeep), Optional.empty()))
                .isInstanceOfSatisfying(InvalidTwinPatchException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("at most 10");
                });
        assertThat(bed.twins.update(sensor, desired(tenDeep), Optional.empty()).desired().version()).isEqualTo(2);
    }

    @Test
    void testKeysWithDotsOrDollarsAreRefused() {
        assertThatThrownBy(() -> bed.twins.update(sensor, desired("{\"a.b\":1}"), Optional.empty()))
                .isInstanceOf(InvalidTwinPatchException.class).hasMessageContaining("'.'");
        assertThatThrownBy(() -> bed.twins.update(sensor, desired("{\"x\":{\"$ref\":1}}"), Optional.empty()))
                .isInstanceOf(InvalidTwinPatchException.class).hasMessageContaining("'$'");
    }

    @Test
    void testTwinSecurityGroupTagPicksTheDeviceSecurityGroup() throws Exception {
        bed.twins.update(sensor, new TwinUpdate(Optional.of((ObjectNode) JSON.readTree("{\"SecurityGroup\":\"cameras\",\"site\":{\"floor\":2}}")),
                Optional.empty()), Optional.empty());

        assertThat(bed.registry.device(hub, "sensor-1").securityGroup()).isEqualTo("cameras");
        bed.registry.setTags(hub, "sensor-1", Map.of("owner", "ops"));
        assertThat(bed.twins.twin(sensor).tags().toString()).isEqualTo("{\"SecurityGroup\":\"cameras\",\"site\":{\"floor\":2},\"owner\":\"ops\"}");
    }

    @Test
    void testDeletingADeviceDeletesItsModulesAndTheirTwins() {
        bed.registry.putModule(hub, "sensor-1", Module.SECURITY_MODULE, null);
        DeviceAddress module = DeviceAddress.module(hub.name(), "sensor-1", Module.SECURITY_MODULE);
        bed.twins.update(module, desired("{\"mode\":\"eco\"}"), Optional.empty());

        bed.registry.deleteDevice(hub, "sensor-1");
        bed.device(hub, "sensor-1");

        assertThat(bed.registry.findModule(hub.name(), "sensor-1", Module.SECURITY_MODULE)).isEmpty();
        assertThat(bed.twins.twin(module).version()).isEqualTo(1);
    }

    @Test
    void testAMalformedSecurityAgentConfigurationIsReported() {
        new SecurityAgentConfigurations(bed.twins, bed.registry, bed.listener, java.time.Clock.systemUTC());
        bed.registry.putModule(hub, "sensor-1", Module.SECURITY_MODULE, null);
        DeviceAddress module = DeviceAddress.module(hub.name(), "sensor-1", Module.SECURITY_MODULE);

        bed.twins.update(module, desired("{\"" + SecurityAgentConfiguration.PROPERTY + "\":{\"highPriorityMessageFrequency\":{\"value\":\"PT1M\"}}}"),
                Optional.empty());
        assertThat(bed.listener.agentConfigurationErrors).isEmpty();

        bed.twins.update(module, desired("{\"" + SecurityAgentConfiguration.PROPERTY + "\":{\"lowPriorityMessageFrequency\":{\"value\":\"often\"}}}"),
                Optional.empty());
        assertThat(bed.listener.agentConfigurationErrors)
                .containsExactly("sensor-1: lowPriorityMessageFrequency must be an ISO 8601 duration such as \"PT7M\", was \"often\"");
    }

    private static TwinUpdate desired(String json) {
        try {
            return new TwinUpdate(Optional.empty(), Optional.of((ObjectNode) JSON.readTree(json)));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
