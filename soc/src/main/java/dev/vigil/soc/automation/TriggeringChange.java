package dev.vigil.soc.automation;

import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What conditions are evaluated against: the change that triggered the rules, and the incident as
 * the rule sees it (the change's result, with the changes of the rules before it); or, for rules
 * triggered by alerts, the new alert. The values of a property are worked out once, however many
 * rules test them; one thread uses it.
 */
public final class TriggeringChange {
    private final IncidentEvent event;
    private final Incident incident;
    private final TriggeringAlert alert;
    private final Map<IncidentProperty, List<String>> values = new EnumMap<>(IncidentProperty.class);

    public TriggeringChange(IncidentEvent event, Incident incident) {
        this.event = Objects.requireNonNull(event, "event");
        this.incident = Objects.requireNonNull(incident, "incident");
        this.alert = null;
    }

    private TriggeringChange(TriggeringAlert alert) {
        this.event = null;
        this.incident = null;
        this.alert = alert;
    }

    public static TriggeringChange of(IncidentEvent event) {
        return new TriggeringChange(event, event.incident());
    }

    /** A new alert, for the rules triggered by alerts. */
    public static TriggeringChange of(TriggeringAlert alert) {
        return new TriggeringChange(Objects.requireNonNull(alert, "alert"));
    }

    /** Whether this is a new alert rather than an incident change. */
    public boolean isAlert() {
        return alert != null;
    }

    public IncidentEvent event() {
        if (event == null) {
            throw new IllegalStateException("a new alert is not an incident change");
        }
        return event;
    }

    public Incident incident() {
        if (incident == null) {
            throw new IllegalStateException("a new alert has no incident");
        }
        return incident;
    }

    /** The incident's (or the alert's) values of the property, as the rule sees it. */
    public List<String> values(IncidentProperty property) {
        return values.computeIfAbsent(property, p -> alert != null ? p.valuesOf(alert) : p.valuesOf(incident));
    }

    /** The same change, the incident as a rule changed it. */
    public TriggeringChange seeing(Incident changed) {
        return changed == incident ? this : new TriggeringChange(event, changed);
    }
}
