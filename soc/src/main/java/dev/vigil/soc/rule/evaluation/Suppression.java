package dev.vigil.soc.rule.evaluation;

import dev.vigil.soc.rule.AlertRule;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each rule last raised an alert, for suppression. Read once per rule from the rule's own
 * alerts in {@code SecurityAlert} (whose {@code TimeGenerated} is the run's scheduled time), which
 * are committed with the rule's checkpoint, so the two never disagree after a restart.
 */
public final class Suppression {
    private final LogStore logStore;
    private final Map<String, Optional<Instant>> lastAlert = new ConcurrentHashMap<>();

    public Suppression(LogStore logStore) {
        this.logStore = logStore;
    }

    /** Whether a run at this time is within the suppression period after the rule's last alert. */
    public boolean suppresses(AlertRule rule, Duration duration, Instant scheduledTime) {
        return last(rule).map(at -> scheduledTime.isBefore(at.plus(duration))).orElse(false);
    }

    public Optional<Instant> last(AlertRule rule) {
        return lastAlert.computeIfAbsent(key(rule), k -> read(rule));
    }

    public void alerted(AlertRule rule, Instant scheduledTime) {
        lastAlert.put(key(rule), Optional.of(scheduledTime));
    }

    private Optional<Instant> read(AlertRule rule) {
        String type = SecurityAlertRows.alertType(rule.workspaceId(), rule.id());
        String query = "SecurityAlert | where AlertType == " + QueryLiterals.string(type)
                + " and ProviderName == " + QueryLiterals.string(SecurityAlertRows.PROVIDER_NAME) + " | summarize Last = max(TimeGenerated)";
        List<List<Object>> rows = logStore.query(rule.workspaceId(), QueryRequest.of(query)).primary().rows();
        return rows.isEmpty() || rows.get(0).get(0) == null ? Optional.empty() : Optional.of(Instant.parse(rows.get(0).get(0).toString()));
    }

    private static String key(AlertRule rule) {
        return rule.workspaceId() + "/" + rule.id();
    }
}
