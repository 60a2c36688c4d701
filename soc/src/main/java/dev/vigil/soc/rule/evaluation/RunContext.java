package dev.vigil.soc.rule.evaluation;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a rule: what makes its alerts' ids unique and what they say about the run.
 *
 * @param runKey the run's identity within the rule: its scheduled time, or for a near-real-time rule
 *     the ingestion batch it read up to; alert ids derive from it, so a repeated run repeats its ids
 * @param timeGenerated the alerts' {@code TimeGenerated}: the scheduled time, or when the run started
 * @param queryStart the start of the data the run read (its period, or the oldest row's time)
 * @param queryEnd the end of the data the run read
 * @param processingEnd when the run finished evaluating, the alerts' {@code ProcessingEndTime}
 */
public record RunContext(String workspaceId, String runKey, Instant timeGenerated, Instant queryStart, Instant queryEnd, Instant processingEnd) {
    public RunContext {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(runKey, "runKey");
        Objects.requireNonNull(timeGenerated, "timeGenerated");
        Objects.requireNonNull(queryStart, "queryStart");
        Objects.requireNonNull(queryEnd, "queryEnd");
        Objects.requireNonNull(processingEnd, "processingEnd");
    }
}
