package dev.vigil.soc.rule;

import java.time.Duration;
import java.util.Objects;

/** When a scheduled rule runs, over what period, and when a run raises alerts. */
public record QuerySchedule(Duration queryFrequency, Duration queryPeriod, TriggerOperator triggerOperator, int triggerThreshold) {
    public QuerySchedule {
        Objects.requireNonNull(queryFrequency, "queryFrequency");
        Objects.requireNonNull(queryPeriod, "queryPeriod");
        Objects.requireNonNull(triggerOperator, "triggerOperator");
    }
}
