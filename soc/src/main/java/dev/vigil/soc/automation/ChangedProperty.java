package dev.vigil.soc.automation;

import java.util.Arrays;
import java.util.Optional;

/** The properties a {@code PropertyChanged} condition can watch, as Sentinel allows, with their {@code SecurityIncident} column. */
public enum ChangedProperty {
    IncidentSeverity(dev.vigil.soc.automation.IncidentProperty.IncidentSeverity, "Severity"),
    IncidentStatus(dev.vigil.soc.automation.IncidentProperty.IncidentStatus, "Status"),
    IncidentOwner(dev.vigil.soc.automation.IncidentProperty.IncidentOwner, "Owner");

    private final IncidentProperty property;
    private final String column;

    ChangedProperty(IncidentProperty property, String column) {
        this.property = property;
        this.column = column;
    }

    public IncidentProperty property() {
        return property;
    }

    public String column() {
        return column;
    }

    public static Optional<ChangedProperty> named(String name) {
        return Arrays.stream(values()).filter(value -> value.name().equals(name)).findFirst();
    }
}
