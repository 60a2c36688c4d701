package dev.vigil.iot.detection;

import static dev.vigil.iot.detection.SecurityMessages.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.alert.AlertEntity;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hub custom alerts for message counts per protocol, the SAS token alerts, and device silence. */
class TestHubAlerts {
    private static final DeviceIdentity METER = EngineHarness.device(EngineHarness.HUB, "meter-12", "meters");

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void testDeviceToCloudMessagesAboveTheRangeRaisePerProtocol(Protocol protocol) {
        try (EngineHarness harness = new EngineHarness()) {
            String ruleType = protocolName(protocol) + "D2CMessagesNotInAllowedRange";
            harness.settings.group("meters", rules(new TimeWindowRule(ruleType, true, 0, 5, Duration.ofMinutes(1))));
            for (int second = 0; second < 10; second++) {
                harness.engine.deviceToCloudMessage(METER, protocol, T0.plusSeconds(second));
                // the other protocols do not count toward this rule
                harness.engine.deviceToCloudMessage(METER, other(protocol), T0.plusSeconds(second));
            }
            assertThat(harness.alertTypes()).containsExactly("IoT_CA_" + ruleType);
            assertThat(harness.sink.occurrences().get(0).definition().displayName()).isEqualTo(
                    "Custom alert - The number of device to cloud messages in " + protocol.name() + " protocol is outside the allowed range");
        }
    }

    @Test
    void testCloudToDeviceAndRejectedMessagesCountSeparately() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("meters", new SecurityGroupRules(List.of(
                    new TimeWindowRule("MqttC2DMessagesNotInAllowedRange", true, 0, 2, Duration.ofMinutes(1)),
                    new TimeWindowRule("MqttC2DRejectedMessagesNotInAllowedRange", true, 0, 0, Duration.ofMinutes(1))), List.of(), List.of()));
            harness.engine.cloudToDeviceMessage(METER, Protocol.MQTT, false, T0);
            harness.engine.cloudToDeviceMessage(METER, Protocol.MQTT, false, T0.plusSeconds(1));
            harness.engine.cloudToDeviceMessage(METER, Protocol.MQTT, true, T0.plusSeconds(2));
            assertThat(harness.alertTypes()).containsExactly("IoT_CA_MqttC2DRejectedMessagesNotInAllowedRange");
        }
    }

    @Test
    void testTooFewMessagesRaiseWhenTheClockClosesTheWindow() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("meters", rules(new TimeWindowRule("HttpD2CMessagesNotInAllowedRange", true, 3, 100, Duration.ofMinutes(5))));
            harness.engine.deviceToCloudMessage(METER, Protocol.HTTP, T0);
            harness.clock.advance(Duration.ofMinutes(7));
            harness.checkClock();
            assertThat(harness.alertTypes()).containsExactly("IoT_CA_HttpD2CMessagesNotInAllowedRange");
        }
    }

    @Test
    void testExpiredAndInvalidSasTokensRaiseHubAlerts() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.engine.refused(refusal(Optional.of(EngineHarness.HUB), "meter-12", AuthenticationFailure.EXPIRED_SAS_TOKEN, "198.51.100.9:50211", T0));
            harness.engine.refused(refusal(Optional.of(EngineHarness.HUB), "meter-12", AuthenticationFailure.INVALID_SAS_SIGNATURE, "198.51.100.9", T0.plusSeconds(1)));
            harness.engine.refused(refusal(Optional.of(EngineHarness.HUB), null, AuthenticationFailure.INVALID_SAS_SIGNATURE, "198.51.100.10", T0.plusSeconds(2)));
            harness.engine.refused(refusal(Optional.of(EngineHarness.HUB), "meter-12", AuthenticationFailure.DEVICE_DISABLED, "198.51.100.9", T0.plusSeconds(3)));
            harness.engine.refused(refusal(Optional.of(EngineHarness.QUIET_HUB), "meter-12", AuthenticationFailure.EXPIRED_SAS_TOKEN, "198.51.100.9", T0.plusSeconds(4)));
            // an unknown hub is reported without a resource id
            harness.engine.refused(refusal(Optional.empty(), "meter-12", AuthenticationFailure.UNKNOWN_DEVICE, "198.51.100.9", T0.plusSeconds(5)));
            assertThat(harness.alertTypes()).containsExactlyInAnyOrder("IoT_Expired_SAS_Token", "IoT_Invalid_SAS_Token", "IoT_Invalid_SAS_Token");
            assertThat(harness.sink.occurrences()).filteredOn(occurrence -> occurrence.deviceId().equals("meter-12"))
                    .allSatisfy(occurrence -> assertThat(occurrence.entities()).first()
                            .isEqualTo(AlertEntity.iotDevice(EngineHarness.HUB, "meter-12")));
            assertThat(harness.sink.occurrences()).filteredOn(occurrence -> occurrence.definition().alertType().equals("IoT_Expired_SAS_Token"))
                    .singleElement().satisfies(occurrence -> assertThat(occurrence.entities()).contains(AlertEntity.ip("198.51.100.9")));
        }
    }

    @Test
    void testCertificateThumbprintMismatchAndExpiredCertificatesRaiseHubAlerts() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.engine.refused(refusal(Optional.of(EngineHarness.HUB), "meter-12", AuthenticationFailure.X509_THUMBPRINT_MISMATCH, "198.51.100.9:8883", T0));
            harness.engine.refused(refusal(Optional.of(EngineHarness.HUB), "meter-12", AuthenticationFailure.X509_NOT_VALID_NOW, "198.51.100.9", T0.plusSeconds(1)));
            harness.engine.refused(refusal(Optional.of(EngineHarness.HUB), "meter-12", AuthenticationFailure.X509_UNTRUSTED_CHAIN, "198.51.100.9", T0.plusSeconds(2)));
            harness.engine.refused(refusal(Optional.of(EngineHarness.QUIET_HUB), "meter-12", AuthenticationFailure.X509_NOT_VALID_NOW, "198.51.100.9", T0.plusSeconds(3)));

            assertThat(harness.alertTypes()).containsExactlyInAnyOrder("IoT_Cert_Print_Mismatch", "IoT_Cert_Expired");
            assertThat(harness.sink.occurrences()).allSatisfy(occurrence -> {
                assertThat(occurrence.definition().severity().name()).isEqualTo("MEDIUM");
                assertThat(occurrence.entities()).contains(AlertEntity.iotDevice(EngineHarness.HUB, "meter-12"), AlertEntity.ip("198.51.100.9"));
            });
        }
    }

    @Test
    void testADeviceSilentFor72HoursRaisesOnce() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.engine.deviceToCloudMessage(METER, Protocol.MQTT, T0);
            harness.clock.advance(Duration.ofHours(71));
            harness.checkClock();
            assertThat(harness.alertTypes()).isEmpty();
            harness.clock.advance(Duration.ofHours(1));
            harness.checkClock();
            harness.clock.advance(Duration.ofHours(1));
            harness.checkClock();
            assertThat(harness.alertTypes()).containsExactly("IoT_DeviceSilent");
            assertThat(harness.sink.occurrences().get(0).occurredAt()).isEqualTo(T0.plus(Duration.ofHours(72)));
        }
    }

    @Test
    void testIdleDevicesAreForgottenAfterTheEvictionTime() throws Exception {
        try (EngineHarness harness = new EngineHarness()) {
            harness.engine.deviceToCloudMessage(METER, Protocol.MQTT, T0);
            harness.engine.deviceToCloudMessage(EngineHarness.device("meter-13"), Protocol.MQTT, T0);
            harness.flush();
            assertThat(harness.engine.trackedDevices().get()).isEqualTo(2);
            harness.clock.advance(Duration.ofHours(96));
            harness.checkClock();
            assertThat(harness.engine.trackedDevices().get()).isZero();
        }
    }

    private static SecurityGroupRules rules(TimeWindowRule rule) {
        return new SecurityGroupRules(List.of(rule), List.of(), List.of());
    }

    private static Protocol other(Protocol protocol) {
        return protocol == Protocol.MQTT ? Protocol.HTTP : Protocol.MQTT;
    }

    private static String protocolName(Protocol protocol) {
        return protocol.name().charAt(0) + protocol.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static DeviceRefusal refusal(Optional<String> hubResourceId, String deviceId, AuthenticationFailure reason, String source, Instant at) {
        String host = hubResourceId.map(id -> id.substring(id.lastIndexOf('/') + 1)).orElse("ghost-hub") + ".azure-devices.net";
        return new DeviceRefusal(host, hubResourceId, deviceId, reason, reason.name(), source, at);
    }
}
