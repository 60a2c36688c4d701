package dev.vigil.soc.rule.health;

import dev.vigil.soc.rule.AlertRuleKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a rule, or of incident creation for a rule, as its health record and the rule's
 * {@code lastRun} show it.
 *
 * @param operation what ran; only the rule's own runs become its {@code lastRun}
 * @param runKey the run's identity within the rule (scheduled time, or ingestion batches read)
 * @param message what went wrong on failure, or a note (suppressed, alerts dropped over the limit)
 * @param resultCount rows the rule's query returned; for incident creation, the alerts it read
 * @param incidents what incident creation did, for its runs only
 */
public record RuleRun(String workspaceId, String ruleId, String ruleName, AlertRuleKind kind, RuleOperation operation, String runKey,
        Instant startTime, Duration duration, RunStatus status, Optional<String> message, long resultCount, int alertsGenerated,
        Instant queryStart, Instant queryEnd, Optional<IncidentCounts> incidents) {
    public RuleRun {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        // last runs saved before these two fields existed load without them
        operation = operation == null ? RuleOperation.runOf(kind) : operation;
        incidents = incidents == null ? Optional.empty() : incidents;
    }

    public Instant endTime() {
        return startTime.plus(duration);
    }
}
