package dev.vigil.soc.rule.incidentcreation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What incident creation needs of the incidents: the seam to {@code dev.vigil.soc.incident}.
 * Every method is durable when it returns and safe to repeat, since a consumer that crashes
 * repeats the alerts after its checkpoint.
 */
public interface IncidentSink {

    /** Creates the incident unless one was already created for the request's key; returns its name either way. */
    String create(String workspaceId, IncidentRequest request);

    /** The name of the incident created for this key, if any. */
    Optional<String> findByKey(String workspaceId, String key);

    /**
     * The incident an alert of the rule groups into: made by the rule with this grouping key within
     * {@code lookback}, open, or also closed when {@code includeClosed}.
     */
    Optional<String> findGroupingTarget(String workspaceId, IncidentRequest.GroupingKey grouping, Duration lookback, boolean includeClosed);

    /**
     * Adds the alert (a {@code SecurityAlert} row) to the incident, replacing an earlier version of
     * the same {@code SystemAlertId}; reopens a closed incident if asked to.
     */
    void addAlert(String workspaceId, String incidentName, Map<String, Object> alert, List<String> relatedAnalyticRuleIds, boolean reopenClosed,
            String modifiedBy);
}
