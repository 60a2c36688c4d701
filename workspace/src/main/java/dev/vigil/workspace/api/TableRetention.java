package dev.vigil.workspace.api;

/**
 * How long a table keeps its rows: rows whose {@code TimeGenerated} is older than this many days
 * are deleted by the retention purge.
 *
 * @param retentionInDays the days in force for the table
 * @param workspaceDefault whether that is the workspace's default rather than the table's own setting
 */
public record TableRetention(String table, int retentionInDays, boolean workspaceDefault) {
    /** A new workspace keeps rows this long, as a Log Analytics workspace with Sentinel does for free. */
    public static final int DEFAULT_DAYS = 90;
    /** The shortest a table's own setting may be, as Log Analytics allows. */
    public static final int MIN_TABLE_DAYS = 4;
    /** The shortest a workspace default may be, as Log Analytics allows. */
    public static final int MIN_WORKSPACE_DAYS = 30;
    /** The longest interactive retention Log Analytics allows, for tables and workspaces alike. */
    public static final int MAX_DAYS = 730;
}
