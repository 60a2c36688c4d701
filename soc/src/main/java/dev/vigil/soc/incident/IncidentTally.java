package dev.vigil.soc.incident;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many incidents a workspace has of each status, and of its open ones (New or Active) of
 * each severity: what the console's home page and incident queue count.
 */
public record IncidentTally(Map<IncidentStatus, Long> byStatus, Map<IncidentSeverity, Long> openBySeverity) {
    public IncidentTally {
        byStatus = Map.copyOf(byStatus);
        openBySeverity = Map.copyOf(openBySeverity);
    }

    static IncidentTally of(Collection<Incident> incidents) {
        Map<IncidentStatus, Long> byStatus = new EnumMap<>(IncidentStatus.class);
        Map<IncidentSeverity, Long> openBySeverity = new EnumMap<>(IncidentSeverity.class);
        for (Incident incident : incidents) {
            byStatus.merge(incident.status(), 1L, Long::sum);
            if (incident.status() != IncidentStatus.CLOSED) {
                openBySeverity.merge(incident.severity(), 1L, Long::sum);
            }
        }
        return new IncidentTally(byStatus, openBySeverity);
    }

    public long of(IncidentStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long openOf(IncidentSeverity severity) {
        return openBySeverity.getOrDefault(severity, 0L);
    }

    public long open() {
        return openBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
