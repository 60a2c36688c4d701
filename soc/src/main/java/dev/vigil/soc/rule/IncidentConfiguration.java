package dev.vigil.soc.rule;

import java.util.Objects;

/** Whether a rule's alerts make incidents, and how they group. */
public record IncidentConfiguration(boolean createIncident, GroupingConfiguration groupingConfiguration) {
    public static final IncidentConfiguration DEFAULT = new IncidentConfiguration(true, GroupingConfiguration.DISABLED);

    public IncidentConfiguration {
        Objects.requireNonNull(groupingConfiguration, "groupingConfiguration");
    }
}
