package dev.vigil.server.simulator;

import java.time.Duration;
import java.util.List;

/**
 * What a finished simulation did: the fleet it used, the attacks it played, the final counts, and
 * how long the traffic ran (from the first message to the last acknowledgement, without the setup).
 */
public record SimulationReport(List<SimulatedDevice> devices, List<AttackScenario> attacks, SimulationProgress progress, Duration traffic) {
    public SimulationReport {
        devices = List.copyOf(devices);
        attacks = List.copyOf(attacks);
    }

    /** Security events acknowledged per second of traffic. */
    public double eventsPerSecond() {
        return progress.eventsAcknowledged() / (traffic.toNanos() / 1e9);
    }

    /** Messages acknowledged per second of traffic. */
    public double messagesPerSecond() {
        return progress.messagesAcknowledged() / (traffic.toNanos() / 1e9);
    }
}
