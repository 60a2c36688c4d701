package dev.vigil.workspace.api;

public enum TableKind {
    /** Defined by Vigil with the columns of the real table, e.g. {@code SecurityAlert}. */
    BUILT_IN,
    /** Declared by a user through the API; the name ends in {@code _CL}. */
    CUSTOM,
    /**
     * One of Log Analytics' standard tables (e.g. {@code Syslog}, {@code SigninLogs}) that every
     * workspace knows; it has storage once rows have been ingested into it, and reads as empty before.
     */
    STANDARD
}
