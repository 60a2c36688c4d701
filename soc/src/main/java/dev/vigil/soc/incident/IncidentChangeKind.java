package dev.vigil.soc.incident;

/** What a change did to an incident; every change appends one {@code SecurityIncident} row. */
public enum IncidentChangeKind {
    CREATED,
    UPDATED,
    COMMENT_ADDED,
    ALERTS_ADDED,
    CLOSED,
    REOPENED
}
