package dev.vigil.soc.incident;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A change not yet consumed by everything that follows the workspace's changes (its
 * {@code SecurityIncident} row may not be written yet, automation may not have acted on it), kept
 * with the incident in the same document so that the change and its pending row are committed
 * together.
 *
 * @param previousValues see {@link IncidentEvent#previousValues()}
 * @param origin see {@link IncidentEvent#origin()}
 * @param incident the incident right after the change: what the row shows
 */
record UnloggedChange(long sequence, IncidentChangeKind kind, Set<String> changedProperties, Map<String, List<String>> previousValues,
        Optional<String> origin, Incident incident) {
    UnloggedChange {
        changedProperties = Set.copyOf(changedProperties);
        // documents written before these existed have neither
        previousValues = previousValues == null ? Map.of() : Map.copyOf(previousValues);
        origin = origin == null ? Optional.empty() : origin;
    }

    IncidentEvent event() {
        return new IncidentEvent(incident.workspaceId(), sequence, kind, changedProperties, previousValues, origin, incident);
    }
}
