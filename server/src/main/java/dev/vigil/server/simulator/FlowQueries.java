package dev.vigil.server.simulator;

/** KQL that follows a simulated fleet's attacks through the workspace, for the demo, its tests and the benchmark. */
public final class FlowQueries {
    /**
     * Per incident, from the device event that raised its first alert (the alert's first
     * {@code EndTime}, stamped by the device on this machine's clock) to the incident's
     * {@code CreatedTime}; one row: {@code Incidents, P50Ms, P99Ms, MaxMs}.
     */
    public static final String EVENT_TO_INCIDENT_LATENCY = """
            let firstVersions = SecurityAlert
                | where ProductName == "Azure Security Center for IoT"
                | summarize arg_min(TimeGenerated, EndTime) by SystemAlertId;
            SecurityIncident
            | summarize arg_min(TimeGenerated, CreatedTime, AlertIds) by IncidentNumber
            | mv-expand AlertId = AlertIds to typeof(string)
            | join kind=inner firstVersions on $left.AlertId == $right.SystemAlertId
            | summarize arg_min(EndTime, CreatedTime) by IncidentNumber
            | extend LatencyMs = (CreatedTime - EndTime) / 1ms
            | summarize Incidents = count(), P50Ms = percentile(LatencyMs, 50), P99Ms = percentile(LatencyMs, 99), MaxMs = max(LatencyMs)""";

    private FlowQueries() {
    }
}
