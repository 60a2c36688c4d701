package dev.vigil.soc.automation;

import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What conditions are evaluated against: the change that triggered the rules, and the incident as
 * the rule sees it (the change's result, with the changes of the rules before it). The incident's
 * values of a property are worked out once, however many rules test them; one thread uses it.
 */
public final class TriggeringChange {
    private final IncidentEvent event;
    private final Incident incident;
    private final Map<IncidentProperty, List<String>> values = new EnumMap<>(IncidentProperty.class);

    public TriggeringChange(IncidentEvent event, Incident incident) {
        this.event = Objects.requireNonNull(event, "event");
        this.incident = Objects.requireNonNull(incident, "incident");
    }

    public static TriggeringChange of(IncidentEvent event) {
        return new TriggeringChange(event, event.incident());
    }

    public IncidentEvent event() {
        return event;
    }

    public Incident incident() {
        return incident;
    }

    /** The incident's values of the property, as the rule sees it. */
    public List<String> values(IncidentProperty property) {
        return values.computeIfAbsent(property, p -> p.valuesOf(incident));
    }

    /** The same change, the incident as a rule changed it. */
    public TriggeringChange seeing(Incident changed) {
        return changed == incident ? this : new TriggeringChange(event, changed);
    }
}
