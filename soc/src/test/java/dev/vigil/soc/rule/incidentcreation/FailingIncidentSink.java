package dev.vigil.soc.rule.incidentcreation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Incidents that refuse the first writes they are asked for, then pass every call on: an incidents store that comes back. */
public class FailingIncidentSink implements IncidentSink {
    public static final String ERROR = "the incidents store is unavailable";

    private final IncidentSink incidents;
    private final AtomicInteger failuresLeft;

    public FailingIncidentSink(IncidentSink incidents, int failures) {
        this.incidents = incidents;
        this.failuresLeft = new AtomicInteger(failures);
    }

    private void failWhileUnavailable() {
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException(ERROR);
        }
    }

    @Override
    public String create(String workspaceId, IncidentRequest request) {
        failWhileUnavailable();
        return incidents.create(workspaceId, request);
    }

    @Override
    public Optional<String> findByKey(String workspaceId, String key) {
        return incidents.findByKey(workspaceId, key);
    }

    @Override
    public Optional<String> findGroupingTarget(String workspaceId, IncidentRequest.GroupingKey grouping, Duration lookback, boolean includeClosed) {
        return incidents.findGroupingTarget(workspaceId, grouping, lookback, includeClosed);
    }

    @Override
    public void addAlert(String workspaceId, String incidentName, Map<String, Object> alert, List<String> relatedAnalyticRuleIds, boolean reopenClosed,
            String modifiedBy) {
        failWhileUnavailable();
        incidents.addAlert(workspaceId, incidentName, alert, relatedAnalyticRuleIds, reopenClosed, modifiedBy);
    }
}
