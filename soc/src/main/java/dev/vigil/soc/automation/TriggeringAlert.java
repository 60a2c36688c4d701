package dev.vigil.soc.automation;

import dev.vigil.soc.incident.IncidentAlert;
import java.util.List;
import java.util.Objects;

/**
 * A new alert that rules triggered by alerts are evaluated against: its {@code SecurityAlert} row
 * as the incident's alerts keep it, with the row's description and the analytics rules that made
 * it (their ids in {@code ExtendedProperties}, as Sentinel writes {@code Analytic Rule Ids}).
 */
public record TriggeringAlert(String workspaceId, IncidentAlert alert, String description, List<String> analyticRuleIds) {
    public TriggeringAlert {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(alert, "alert");
        description = Objects.requireNonNullElse(description, "");
        analyticRuleIds = List.copyOf(analyticRuleIds);
    }
}
