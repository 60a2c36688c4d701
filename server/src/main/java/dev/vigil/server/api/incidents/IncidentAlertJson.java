package dev.vigil.server.api.incidents;

import dev.vigil.soc.incident.IncidentAlert;
import java.time.Instant;
import java.util.List;

/** An alert of an incident, as Sentinel lists an incident's alerts ({@code kind} SecurityAlert, named by its SystemAlertId). */
record IncidentAlertJson(String kind, String name, Properties properties) {
    record Properties(String systemAlertId, String alertDisplayName, String severity, String status, String productName,
            String providerName, Instant startTimeUtc, Instant endTimeUtc, List<String> tactics, List<String> techniques) {
    }

    static IncidentAlertJson of(IncidentAlert alert) {
        return new IncidentAlertJson("SecurityAlert", alert.systemAlertId(), new Properties(alert.systemAlertId(), alert.displayName(),
                alert.alertSeverity().sentinelName(), alert.status(), alert.productName(), alert.providerName(), alert.startTime(),
                alert.endTime(), alert.tactics(), alert.techniques()));
    }
}
