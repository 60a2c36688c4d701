package dev.vigil.iot.detection;

import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.message.SecurityMessage;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What lets detection carry on across a restart: the devices' last message times, which the
 * engine saves as it goes, and the stored security events, from which it rebuilds the rest of its
 * streaming state (windows, brute-force runs, the last snapshots) on start.
 */
public interface DetectionHistory {

    /** Every device's last message time as last saved. */
    List<LastMessage> lastMessages();

    /** Saves these devices' last message times, replacing what was saved for them. */
    void saveLastMessages(List<LastMessage> changed);

    /** Forgets the saved times of devices detection no longer keeps. */
    void forgetLastMessages(List<DeviceIdentity> devices);

    /**
     * Hands over, grouped into the messages they came in and in the order they were received, the
     * stored {@code Security} events with one of {@code eventNames} received at or after {@code since}.
     */
    void replay(List<String> eventNames, Instant since, BiConsumer<DeviceIdentity, SecurityMessage> each);

    /**
     * Hands over each device's newest stored {@code Security} event of each of {@code eventNames}
     * received at or after {@code since}, oldest first: the snapshots that detectors compare with.
     */
    void replayNewest(List<String> eventNames, Instant since, BiConsumer<DeviceIdentity, SecurityMessage> each);
}
