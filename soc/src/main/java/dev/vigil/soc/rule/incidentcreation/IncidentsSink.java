package dev.vigil.soc.rule.incidentcreation;

import dev.vigil.soc.incident.AlertAddition;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentGrouping;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.NewIncident;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Incident creation's requests carried out by the incidents service. */
public final class IncidentsSink implements IncidentSink {
    private final Incidents incidents;

    public IncidentsSink(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public String create(String workspaceId, IncidentRequest request) {
        NewIncident incident = NewIncident.of(request.key(), request.title(), IncidentSeverity.named(request.severity().name()), request.createdBy())
                .withDescription(request.description())
                .withAlerts(List.of(IncidentAlert.fromSecurityAlert(request.alert())))
                .withRelatedAnalyticRuleIds(request.relatedAnalyticRuleIds());
        if (request.grouping().isPresent()) {
            incident = incident.withGrouping(new IncidentGrouping(request.grouping().get().ruleId(), request.grouping().get().key()));
        }
        return incidents.create(workspaceId, incident).incident().name();
    }

    @Override
    public Optional<String> findByKey(String workspaceId, String key) {
        return incidents.findByKey(workspaceId, key).map(Incident::name);
    }

    @Override
    public Optional<String> findGroupingTarget(String workspaceId, IncidentRequest.GroupingKey grouping, Duration lookback, boolean includeClosed) {
        return incidents.findGroupingTarget(workspaceId, new IncidentGrouping(grouping.ruleId(), grouping.key()), lookback, includeClosed)
                .map(Incident::name);
    }

    @Override
    public void addAlert(String workspaceId, String incidentName, Map<String, Object> alert, List<String> relatedAnalyticRuleIds, boolean reopenClosed,
            String modifiedBy) {
        incidents.addAlerts(workspaceId, incidentName, new AlertAddition(List.of(IncidentAlert.fromSecurityAlert(alert)), relatedAnalyticRuleIds,
                reopenClosed, modifiedBy));
    }
}
