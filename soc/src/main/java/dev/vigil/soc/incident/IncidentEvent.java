package dev.vigil.soc.incident;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change of an incident, told to {@link IncidentListener}s once its {@code SecurityIncident}
 * row is committed.
 *
 * @param sequence the workspace-wide number of the change; events of a workspace come in this order
 * @param changedProperties the {@code SecurityIncident} columns the change set, e.g. {@code Status}, {@code Owner}; sorted
 * @param previousValues for the changed {@code Severity}, {@code Status}, {@code Owner}, {@code Labels},
 *     {@code AlertIds} (with {@code Tactics}) and {@code Comments}, their values before the change
 *     (an owner as its non-empty fields, labels by name, comments by id)
 * @param origin the automation action the change carries out ({@code automationRule/<id>/<sequence of the triggering change>}),
 *     if it was made by one
 * @param incident the incident right after the change
 */
public record IncidentEvent(String workspaceId, long sequence, IncidentChangeKind kind, Set<String> changedProperties,
        Map<String, List<String>> previousValues, Optional<String> origin, Incident incident) {
    public IncidentEvent {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(kind, "kind");
        changedProperties = Collections.unmodifiableSortedSet(new TreeSet<>(changedProperties));
        previousValues = Map.copyOf(previousValues);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(incident, "incident");
    }

    /** Automation's "when an incident is created"; every other change is "when an incident is updated". */
    public boolean isCreation() {
        return kind == IncidentChangeKind.CREATED;
    }
}
