package dev.vigil.server.console.logs;

import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import java.util.Map;

/**
 * Which solution a table belongs to, as the Log Analytics schema pane groups tables: Sentinel's
 * tables under {@code SecurityInsights}, the Defender for IoT raw events under
 * {@code AzureSecurityOfThings}, custom tables under {@code Custom Logs}. The standard Log
 * Analytics tables that hold no rows (most of the 683 that every workspace knows) wait in one
 * group of their own, {@value #EMPTY_STANDARD}, closed, so that the tables with data lead.
 */
final class TableSolutions {
    static final String CUSTOM_LOGS = "Custom Logs";
    static final String EMPTY_STANDARD = "Standard tables without data";
    private static final Map<String, String> BUILT_IN = Map.of(
            "SecurityAlert", "SecurityInsights",
            "SecurityIncident", "SecurityInsights",
            "SentinelHealth", "SecurityInsights",
            "SecurityIoTRawEvent", "AzureSecurityOfThings",
            "VigilAudit", "Vigil");

    private TableSolutions() {
    }

    static String of(TableInfo table) {
        if (table.kind() == TableKind.CUSTOM) {
            return CUSTOM_LOGS;
        }
        if (isEmptyStandard(table)) {
            return EMPTY_STANDARD;
        }
        return BUILT_IN.getOrDefault(table.name(), "LogManagement");
    }

    /** A standard table without rows: listed by name alone, its columns left to the editor's completion. */
    static boolean isEmptyStandard(TableInfo table) {
        return table.kind() == TableKind.STANDARD && table.rowCount() == 0;
    }
}
