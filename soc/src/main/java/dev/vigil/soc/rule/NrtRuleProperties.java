package dev.vigil.soc.rule;

import java.util.Objects;
import java.util.Optional;

/** A near-real-time rule: its query runs on the rows newly ingested since its last run. */
public record NrtRuleProperties(String displayName, String description, boolean enabled, Optional<String> alertRuleTemplateName,
        DetectionQuery detection) implements QueryRuleProperties {

    public NrtRuleProperties {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(alertRuleTemplateName, "alertRuleTemplateName");
        Objects.requireNonNull(detection, "detection");
    }

    @Override
    public NrtRuleProperties withEnabled(boolean on) {
        return new NrtRuleProperties(displayName, description, on, alertRuleTemplateName, detection);
    }

    @Override
    public NrtRuleProperties withDetection(DetectionQuery newDetection) {
        return new NrtRuleProperties(displayName, description, enabled, alertRuleTemplateName, newDetection);
    }

    @Override
    public AlertRuleKind kind() {
        return AlertRuleKind.NRT;
    }
}
