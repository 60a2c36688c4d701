package dev.vigil.server.simulator;

import java.util.List;

/** What a finished simulation did: the fleet it used, the attacks it played, and the final counts. */
public record SimulationReport(List<SimulatedDevice> devices, List<AttackScenario> attacks, SimulationProgress progress) {
    public SimulationReport {
        devices = List.copyOf(devices);
        attacks = List.copyOf(attacks);
    }
}
