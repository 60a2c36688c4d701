package dev.vigil.soc.incident;

import java.util.Set;

/**
 * A change whose {@code SecurityIncident} row may not be written yet, kept with the incident
 * in the same document so that the change and its pending row are committed together.
 *
 * @param incident the incident right after the change: what the row shows
 */
record UnloggedChange(long sequence, IncidentChangeKind kind, Set<String> changedProperties, Incident incident) {
    UnloggedChange {
        changedProperties = Set.copyOf(changedProperties);
    }

    IncidentEvent event() {
        return new IncidentEvent(incident.workspaceId(), sequence, kind, changedProperties, incident);
    }
}
