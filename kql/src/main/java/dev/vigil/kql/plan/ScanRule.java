package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a {@link Scan}, bound twice: over the state of the step before it (a record advancing a
 * sequence to this step) and over the step's own state (a record repeating this step, or starting a
 * sequence at the first step).
 *
 * @param output which of the records matching the step are output
 * @param advance the condition over the previous step's state; empty for the first step
 * @param stay the condition over the step's own state
 * @param advanceAssignments declared column to its new value, over the previous step's state
 * @param stayAssignments declared column to its new value, over the step's own state
 */
public record ScanRule(String name, ScanOutput output, Optional<BoundExpression> advance, BoundExpression stay,
                       Map<String, BoundExpression> advanceAssignments, Map<String, BoundExpression> stayAssignments) {
    public ScanRule {
        advanceAssignments = Map.copyOf(advanceAssignments);
        stayAssignments = Map.copyOf(stayAssignments);
    }
}
