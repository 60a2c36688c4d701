package dev.vigil.iot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.testing.IotBed;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDeviceAuthenticator {
    private static final Instant LATER = Instant.now().plusSeconds(3600);

    @TempDir
    Path data;
    IotBed bed;
    IotHub hub;
    Device device;
    String host;

    @BeforeEach
    void setUp() {
        bed = new IotBed(data);
        hub = bed.hub("myhub", true);
        device = bed.device(hub, "device1");
        host = hub.hostName(IotBed.DOMAIN);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void testValidTokenOfEitherKeyIsAccepted() {
        String primary = SasTokenGenerator.deviceToken(host, "device1", device.primaryKey(), LATER);
        String secondary = SasTokenGenerator.deviceToken(host, "device1", device.secondaryKey(), LATER);

        assertThat(authenticate(primary).identity().hubResourceId()).isEqualTo(hub.resourceId());
        assertThat(authenticate(secondary).device().deviceId()).isEqualTo("device1");
        assertThat(bed.listener.refusals).isEmpty();
    }

    @Test
    void testTokenWithLowerCaseEncodingAndHubFromTheTokenIsAccepted() {
        String token = SasTokenGenerator.deviceToken(host, "device1", device.primaryKey(), LATER).replace("%2F", "%2f");

        assertThat(bed.authenticator.authenticate(null, "device1", token, "10.0.0.1:5000").hub().name()).isEqualTo("myhub");
    }

    @Test
    void testExpiredTokenIsRefused() {
        refused(SasTokenGenerator.deviceToken(host, "device1", device.primaryKey(), Instant.now().minusSeconds(5)), AuthenticationFailure.EXPIRED_SAS_TOKEN);
    }

    @Test
    void testTamperedSignatureIsRefused() {
        String token = SasTokenGenerator.deviceToken(host, "device1", device.primaryKey(), LATER);
        refused(token.replaceFirst("sig=.", "sig=A").replaceFirst("sig=AA", "sig=AB"), AuthenticationFailure.INVALID_SAS_SIGNATURE);
    }

    @Test
    void testExpiryPushedForwardIsAnInvalidSignature() {
        Instant soon = Instant.now().minusSeconds(10);
        String token = SasTokenGenerator.deviceToken(host, "device1", device.primaryKey(), soon);
        refused(token.replace("se=" + soon.getEpochSecond(), "se=" + LATER.getEpochSecond()), AuthenticationFailure.INVALID_SAS_SIGNATURE);
    }

    @Test
    void testTokenOfAnotherHubIsRefused() {
        refused(SasTokenGenerator.deviceToken("otherhub." + IotBed.DOMAIN, "device1", device.primaryKey(), LATER), AuthenticationFailure.WRONG_RESOURCE);
    }

    @Test
    void testTokenOfAnotherDeviceIsRefused() {
        refused(SasTokenGenerator.deviceToken(host, "device2", device.primaryKey(), LATER), AuthenticationFailure.WRONG_RESOURCE);
    }

    @Test
    void testHubLevelTokenDoesNotNameTheDeviceAndIsRefused() {
        refused(SasTokenGenerator.token(host, device.primaryKey(), LATER), AuthenticationFailure.WRONG_RESOURCE);
    }

    @Test
    void testDisabledDeviceIsRefused() {
        bed.registry.setDeviceStatus(hub, "device1", DeviceStatus.DISABLED);
        refused(SasTokenGenerator.deviceToken(host, "device1", device.primaryKey(), LATER), AuthenticationFailure.DEVICE_DISABLED);
    }

    @Test
    void testUnknownDeviceIsRefused() {
        assertThatThrownBy(() -> bed.authenticator.authenticate(host, "ghost",
                SasTokenGenerator.deviceToken(host, "ghost", device.primaryKey(), LATER), "10.0.0.1:5000"))
                .isInstanceOfSatisfying(DeviceAuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationFailure.UNKNOWN_DEVICE));
        assertThat(bed.listener.refusals).singleElement().satisfies(f -> {
            assertThat(f.deviceId()).isEqualTo("ghost");
            assertThat(f.hubResourceId()).contains(hub.resourceId());
        });
    }

    @Test
    void testUnknownHubIsRefusedAndReportedWithTheHostItAskedFor() {
        String ghost = "ghost-hub.azure-devices.net";
        assertThatThrownBy(() -> bed.authenticator.authenticate(ghost, "device1",
                SasTokenGenerator.deviceToken(ghost, "device1", device.primaryKey(), LATER), "10.0.0.1:5000"))
                .isInstanceOfSatisfying(DeviceAuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationFailure.UNKNOWN_DEVICE))
                .hasMessage("no IoT hub is named by host 'ghost-hub.azure-devices.net'");
        assertThat(bed.listener.refusals).singleElement().satisfies(f -> {
            assertThat(f.hubHost()).isEqualTo(ghost);
            assertThat(f.hubResourceId()).isEmpty();
            assertThat(f.deviceId()).isEqualTo("device1");
            assertThat(f.detail()).isEqualTo("no IoT hub is named by host 'ghost-hub.azure-devices.net'");
        });
    }

    @Test
    void testMalformedCredentialsAreRefused() {
        refused("Bearer abc", AuthenticationFailure.MALFORMED_CREDENTIALS);
        refused("SharedAccessSignature sr=x&sig=y", AuthenticationFailure.MALFORMED_CREDENTIALS);
        refused("SharedAccessSignature sr=x&sig=y&se=tomorrow", AuthenticationFailure.MALFORMED_CREDENTIALS);
    }

    @Test
    void testDeviceKeyPastedInPlaceOfATokenIsNotEchoedIntoTheRefusal() {
        String key = device.primaryKey().replace("=", "");
        refused("SharedAccessSignature se=1&" + key, AuthenticationFailure.MALFORMED_CREDENTIALS);
        refused("SharedAccessSignature " + key + "=1&" + key + "=2", AuthenticationFailure.MALFORMED_CREDENTIALS);

        List<String> details = bed.listener.refusals.stream().map(DeviceRefusal::detail).toList();
        assertThat(details).containsExactly("field 2 of the token is not name=value", "field 2 of the token repeats an earlier field");
    }

    @Test
    void testGeneratedTokenHasTheReferenceShape() {
        String token = SasTokenGenerator.deviceToken(host, "device1", device.primaryKey(), Instant.ofEpochSecond(1456971697));
        assertThat(token).matches("SharedAccessSignature sr=myhub\\.azure-devices\\.net%2Fdevices%2Fdevice1&sig=[A-Za-z0-9%]+&se=1456971697");
    }

    private AuthenticatedDevice authenticate(String token) {
        return bed.authenticator.authenticate(host, "device1", token, "10.0.0.1:5000");
    }

    private void refused(String token, AuthenticationFailure reason) {
        int before = bed.listener.refusals.size();
        assertThatThrownBy(() -> authenticate(token))
                .isInstanceOfSatisfying(DeviceAuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(bed.listener.refusals).hasSize(before + 1);
        assertThat(bed.listener.refusals.get(before).reason()).isEqualTo(reason);
        assertThat(bed.listener.refusals.get(before).sourceAddress()).isEqualTo("10.0.0.1:5000");
    }
}
