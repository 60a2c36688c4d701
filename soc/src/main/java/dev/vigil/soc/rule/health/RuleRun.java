package dev.vigil.soc.rule.health;

import dev.vigil.soc.rule.AlertRuleKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a Scheduled or NRT rule, as its health record and the rule's {@code lastRun} show it.
 *
 * @param runKey the run's identity within the rule (scheduled time, or ingestion batch read up to)
 * @param message what went wrong on failure, or a note (suppressed, alerts dropped over the limit)
 */
public record RuleRun(String workspaceId, String ruleId, String ruleName, AlertRuleKind kind, String runKey, Instant startTime,
        Duration duration, RunStatus status, Optional<String> message, long resultCount, int alertsGenerated, Instant queryStart,
        Instant queryEnd) {
    public RuleRun {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
