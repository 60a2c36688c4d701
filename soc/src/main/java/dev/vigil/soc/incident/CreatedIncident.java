package dev.vigil.soc.incident;

/**
 * The answer to a create: the incident, and whether this call created it ({@code false} when an
 * incident already existed for the key, e.g. on a retry after a crash).
 */
public record CreatedIncident(Incident incident, boolean created) {
}
