package dev.vigil.server.simulator;

import java.time.Duration;

/**
 * Where a simulation stands.
 *
 * @param messagesSent          security messages handed to the transports
 * @param messagesAcknowledged  of those, acknowledged by the hub after its commit (PUBACK or 204)
 * @param eventsAcknowledged    security events in the acknowledged messages
 * @param errors                messages refused or lost, and credential attacks the hub wrongly let in
 * @param credentialAttemptsRefused connections with expired or forged tokens that the hub refused, as it should
 */
public record SimulationProgress(Duration elapsed, long messagesSent, long messagesAcknowledged, long eventsAcknowledged,
                                 long errors, long credentialAttemptsRefused) {

    /** One progress line, e.g. {@code [10s] sent 200 messages, 198 acknowledged (594 events), 0 errors}. */
    public String describe() {
        return String.format("[%ds] sent %d messages, %d acknowledged (%d events), %d errors%s",
                elapsed.toSeconds(), messagesSent, messagesAcknowledged, eventsAcknowledged, errors,
                credentialAttemptsRefused == 0 ? "" : ", " + credentialAttemptsRefused + " forged or expired tokens refused");
    }
}
