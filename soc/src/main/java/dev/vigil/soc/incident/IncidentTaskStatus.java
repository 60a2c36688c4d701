package dev.vigil.soc.incident;

/** Sentinel's task states: New until done, then Completed. */
public enum IncidentTaskStatus {
    New,
    Completed
}
