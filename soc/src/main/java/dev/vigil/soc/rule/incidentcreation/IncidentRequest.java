package dev.vigil.soc.rule.incidentcreation;

import dev.vigil.soc.rule.AlertSeverity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident a rule asks for.
 *
 * @param key makes the request idempotent: an incident created earlier for this key is kept
 * @param alert the first alert, a {@code SecurityAlert} row as a query returns it (column to value)
 * @param grouping the rule and grouping key later alerts are matched on, when the rule groups alerts
 * @param createdBy the rule's name, recorded as who made the incident
 */
public record IncidentRequest(String key, String title, String description, AlertSeverity severity, Map<String, Object> alert,
        List<String> relatedAnalyticRuleIds, Optional<GroupingKey> grouping, String createdBy) {
    public IncidentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        // a query's row has nulls where values are missing; the copy leaves them out
        Map<String, Object> present = new LinkedHashMap<>();
        alert.forEach((column, value) -> {
            if (value != null) {
                present.put(column, value);
            }
        });
        alert = Collections.unmodifiableMap(present);
        relatedAnalyticRuleIds = List.copyOf(relatedAnalyticRuleIds);
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** A rule's id and the key its grouping configuration computed for an alert. */
    public record GroupingKey(String ruleId, String key) {
    }
}
