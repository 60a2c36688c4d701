package dev.vigil.workspace.api;

/**
 * Who may write a table's rows. The catalog declares it once per table, so a table Vigil adds
 * later is protected by declaring it {@link #VIGIL}.
 */
public enum TableWriter {
    /**
     * Vigil alone: its data connector, analytics rules, incidents, audit trail, device endpoints
     * and health records. The ingestion API refuses these tables, so nobody can forge their rows.
     */
    VIGIL,
    /**
     * Clients too, through the ingestion API: custom {@code _CL} tables, and standard tables that
     * Log Analytics lets users ingest into.
     */
    CLIENTS,
    /**
     * Log Analytics' own collectors (agents, diagnostic settings, other Azure services), which
     * Vigil does not have: the ingestion API refuses these standard tables, and they stay empty.
     */
    LOG_ANALYTICS
}
