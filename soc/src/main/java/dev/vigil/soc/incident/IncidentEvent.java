package dev.vigil.soc.incident;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change of an incident, told to {@link IncidentListener}s once its {@code SecurityIncident}
 * row is committed.
 *
 * @param sequence the workspace-wide number of the change; events of a workspace come in this order
 * @param changedProperties the {@code SecurityIncident} columns the change set, e.g. {@code Status}, {@code Owner}; sorted
 * @param incident the incident right after the change
 */
public record IncidentEvent(String workspaceId, long sequence, IncidentChangeKind kind, Set<String> changedProperties, Incident incident) {
    public IncidentEvent {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(kind, "kind");
        changedProperties = Collections.unmodifiableSortedSet(new TreeSet<>(changedProperties));
        Objects.requireNonNull(incident, "incident");
    }

    /** Automation's "when an incident is created"; every other change is "when an incident is updated". */
    public boolean isCreation() {
        return kind == IncidentChangeKind.CREATED;
    }
}
