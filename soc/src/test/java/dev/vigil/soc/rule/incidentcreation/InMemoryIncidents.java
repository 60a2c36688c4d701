package dev.vigil.soc.rule.incidentcreation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-written stand-in for the incidents service, for the decisions of incident creation alone. */
final class InMemoryIncidents implements IncidentSink {
    static final class Incident {
        final String name;
        final IncidentRequest request;
        final Instant created;
        final List<Map<String, Object>> alerts = new ArrayList<>();
        boolean closed;

        Incident(String name, IncidentRequest request, Instant created) {
            this.name = name;
            this.request = request;
            this.created = created;
            alerts.add(request.alert());
        }

        List<String> alertIds() {
            return alerts.stream().map(a -> String.valueOf(a.get("SystemAlertId"))).toList();
        }
    }

    private final Clock clock;
    final List<Incident> incidents = new ArrayList<>();

    InMemoryIncidents(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized String create(String workspaceId, IncidentRequest request) {
        Optional<String> existing = findByKey(workspaceId, request.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        Incident incident = new Incident("incident-" + (incidents.size() + 1), request, clock.instant());
        incidents.add(incident);
        return incident.name;
    }

    @Override
    public synchronized Optional<String> findByKey(String workspaceId, String key) {
        return incidents.stream().filter(i -> i.request.key().equals(key)).map(i -> i.name).findFirst();
    }

    @Override
    public synchronized Optional<String> findGroupingTarget(String workspaceId, IncidentRequest.GroupingKey grouping, Duration lookback,
            boolean includeClosed) {
        Instant since = clock.instant().minus(lookback);
        return incidents.stream().filter(i -> i.request.grouping().equals(Optional.of(grouping)) && !i.created.isBefore(since)
                && (includeClosed || !i.closed)).max(Comparator.comparing(i -> i.created)).map(i -> i.name);
    }

    @Override
    public synchronized void addAlert(String workspaceId, String incidentName, Map<String, Object> alert, List<String> relatedAnalyticRuleIds,
            boolean reopenClosed, String modifiedBy) {
        Incident incident = incidents.stream().filter(i -> i.name.equals(incidentName)).findFirst().orElseThrow();
        incident.alerts.removeIf(a -> a.get("SystemAlertId").equals(alert.get("SystemAlertId")));
        incident.alerts.add(alert);
        if (reopenClosed) {
            incident.closed = false;
        }
    }
}
