package dev.vigil.iot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.MessageRefusal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TestLoggingActivityListener {
    private static final String HUB_ID = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/plant-hub";
    private static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingActivityListener.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final LoggingActivityListener listener = new LoggingActivityListener();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void testRefusalIsLoggedAtTheDefaultLevelWithDeviceHubPeerAndReason() {
        listener.refused(refusal("sensor-1", MessageRefusal.MESSAGE_TOO_LARGE, "the message is 300000 bytes", T0));

        assertThat(lines.list).hasSize(1);
        ILoggingEvent line = lines.list.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getFormattedMessage()).isEqualTo("device 'sensor-1' of hub 'plant-hub.azure-devices.net' (" + HUB_ID
                + ") refused from 10.0.0.7:50211: MESSAGE_TOO_LARGE, IoT Hub 413001 MessageTooLarge (the message is 300000 bytes)");
    }

    @Test
    void testAModuleRefusalIsLoggedUnderTheModuleIdentityWithIotHubsCode() {
        listener.refused(new DeviceRefusal("plant-hub.azure-devices.net", Optional.of(HUB_ID), "sensor-1", Optional.of("azureiotsecurity"),
                AuthenticationFailure.DEVICE_DISABLED, "the module 'sensor-1/azureiotsecurity' is disabled", "10.0.0.7:50211", T0));
        listener.refused(refusal("sensor-1", AuthenticationFailure.DEVICE_DISABLED, "the device 'sensor-1' is disabled", T0.plusSeconds(1)));

        List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).as("the module and its device are followed apart").hasSize(2);
        assertThat(logged.get(0)).isEqualTo("module 'sensor-1/azureiotsecurity' of hub 'plant-hub.azure-devices.net' (" + HUB_ID
                + ") refused from 10.0.0.7:50211: DEVICE_DISABLED, IoT Hub 403012 DeviceDisabled (the module 'sensor-1/azureiotsecurity' is disabled)");
        assertThat(logged.get(1)).startsWith("device 'sensor-1' of hub").contains("DEVICE_DISABLED, IoT Hub 403012 DeviceDisabled");
    }

    @Test
    void testRepeatsWithinTheQuietPeriodAreCountedIntoTheNextLine() {
        for (int attempt = 0; attempt < 5; attempt++) {
            listener.refused(refusal("sensor-1", AuthenticationFailure.EXPIRED_SAS_TOKEN, "the token expired", T0.plusSeconds(attempt)));
        }
        listener.refused(refusal("sensor-2", AuthenticationFailure.EXPIRED_SAS_TOKEN, "the token expired", T0.plusSeconds(6)));
        listener.refused(refusal("sensor-1", AuthenticationFailure.EXPIRED_SAS_TOKEN, "the token expired",
                T0.plus(LoggingActivityListener.QUIET_PERIOD)));

        List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).hasSize(3);
        assertThat(logged.get(0)).startsWith("device 'sensor-1'").doesNotContain("not logged");
        assertThat(logged.get(1)).startsWith("device 'sensor-2'");
        assertThat(logged.get(2)).startsWith("device 'sensor-1'").endsWith("; 4 more of these were not logged since the last such line");
    }

    private static DeviceRefusal refusal(String deviceId, dev.vigil.iot.device.RefusalReason reason, String detail, Instant at) {
        return new DeviceRefusal("plant-hub.azure-devices.net", Optional.of(HUB_ID), deviceId, reason, detail, "10.0.0.7:50211", at);
    }
}
