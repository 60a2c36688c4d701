package dev.vigil.iot.endpoint;

import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.IotHubError;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes refused devices and messages to the log, at WARN so that the default level shows them;
 * other activity is ignored. The server runs it beside the detection engine, so that refusals
 * are visible whether or not the hub is monitored. A line names the device (a module as
 * {@code deviceId/moduleId}), the hub, the peer, the reason with IoT Hub's error code and the
 * detail; never a token or a key (the reporters keep them out of the detail).
 *
 * <p>A device that repeats a refusal in a loop must not flood the log: after a line, the same
 * device (or module), hub and reason are logged again only {@link #QUIET_PERIOD} later, with the number of
 * repeats left out in between.
 */
public final class LoggingActivityListener implements DeviceActivityListener {
    static final Duration QUIET_PERIOD = Duration.ofMinutes(1);
    /** Refusal kinds followed at once; the least recently seen is forgotten first. */
    private static final int MAX_FOLLOWED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LoggingActivityListener.class);

    /** Per device, hub and reason: when it was last logged and how many repeats were left out since. */
    private final Map<String, long[]> lastLogged = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_FOLLOWED;
        }
    };

    @Override
    public void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt) {
    }

    @Override
    public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
    }

    @Override
    public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
    }

    @Override
    public void refused(DeviceRefusal refusal) {
        String kind = refusal.hubHost() + "|" + refusal.identity() + "|" + refusal.reason().name();
        long at = refusal.at().toEpochMilli();
        long leftOut;
        synchronized (lastLogged) {
            long[] last = lastLogged.get(kind);
            if (last != null && at - last[0] < QUIET_PERIOD.toMillis()) {
                last[1]++;
                return;
            }
            leftOut = last == null ? 0 : last[1];
            lastLogged.put(kind, new long[] {at, 0});
        }
        IotHubError error = refusal.reason().iotHubError();
        LOG.warn("{} '{}' of hub '{}' ({}) refused from {}: {}, IoT Hub {} {} ({}){}", refusal.moduleId().isPresent() ? "module" : "device",
                refusal.identity(), refusal.hubHost(), refusal.hubResourceId().orElse("no such hub"), refusal.sourceAddress(), refusal.reason().name(),
                error.errorCode(), error.code(), refusal.detail(),
                leftOut == 0 ? "" : "; " + leftOut + " more of these were not logged since the last such line");
    }
}
