package dev.vigil.soc.rule;

import java.util.Objects;
import java.util.Optional;

/** A rule that runs its query every {@code queryFrequency} over the last {@code queryPeriod}. */
public record ScheduledRuleProperties(String displayName, String description, boolean enabled, Optional<String> alertRuleTemplateName,
        DetectionQuery detection, QuerySchedule schedule) implements QueryRuleProperties {

    public ScheduledRuleProperties {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(alertRuleTemplateName, "alertRuleTemplateName");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public ScheduledRuleProperties withEnabled(boolean on) {
        return new ScheduledRuleProperties(displayName, description, on, alertRuleTemplateName, detection, schedule);
    }

    @Override
    public ScheduledRuleProperties withDetection(DetectionQuery newDetection) {
        return new ScheduledRuleProperties(displayName, description, enabled, alertRuleTemplateName, newDetection, schedule);
    }

    @Override
    public AlertRuleKind kind() {
        return AlertRuleKind.SCHEDULED;
    }
}
