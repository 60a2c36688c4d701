package dev.vigil.server.console.logs;

import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import java.util.Map;

/**
 * Which solution a table belongs to, as the Log Analytics schema pane groups tables: Sentinel's
 * tables under {@code SecurityInsights}, the Defender for IoT raw events under
 * {@code AzureSecurityOfThings}, custom tables under {@code Custom Logs}.
 */
final class TableSolutions {
    static final String CUSTOM_LOGS = "Custom Logs";
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
        return BUILT_IN.getOrDefault(table.name(), "LogManagement");
    }
}
