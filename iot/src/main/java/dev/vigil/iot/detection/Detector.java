package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityEvent;
import java.time.Instant;
import java.util.List;

/**
 * One detection. It sees the activity of one device at a time, in order, on one thread, keeps
 * what it needs in {@link DeviceContext#state}, and raises through {@link DeviceContext#raise}.
 * Conditions use event time ({@code TimestampUTC}); only {@link #onClock} looks at the clock.
 */
interface Detector {

    /** The alert types this detector raises. */
    List<AlertDefinition> definitions();

    /** A {@code Security} event of a security message. */
    default void onSecurityEvent(DeviceContext device, SecurityEvent event) {
    }

    /** A message through the hub, counted per protocol. */
    default void onMessage(DeviceContext device, MessageKind kind, Protocol protocol, Instant at) {
    }

    /** A refused connection or request naming this device (or none: device id {@code ""}). */
    default void onAuthenticationFailure(DeviceContext device, AuthenticationFailure reason, String sourceAddress, Instant at) {
    }

    /** The security agent's module twin configuration could not be parsed. */
    default void onAgentConfigurationRejected(DeviceContext device, String problem, Instant at) {
    }

    /** The clock moved on: close windows, notice silence. */
    default void onClock(DeviceContext device, Instant now) {
    }
}
