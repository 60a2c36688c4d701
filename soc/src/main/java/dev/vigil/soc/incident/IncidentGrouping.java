package dev.vigil.soc.incident;

import java.util.Objects;

/**
 * What lets a rule group later alerts into an incident: the rule's id and the grouping key the
 * rule computed (e.g. from the alert's entities), compared for equality.
 */
public record IncidentGrouping(String ruleId, String key) {
    public IncidentGrouping {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(key, "key");
    }
}
