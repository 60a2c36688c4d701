package dev.vigil.soc.rule.dryrun;

import dev.vigil.soc.rule.InvalidAlertRuleException;
import java.time.Instant;

/** The past stretch of time a dry run replays: {@code [startTime, endTime)}. */
public record DryRunWindow(Instant startTime, Instant endTime) {
    public DryRunWindow {
        if (startTime == null || endTime == null) {
            throw new InvalidAlertRuleException(startTime == null ? "startTime" : "endTime", "is required (an ISO 8601 time such as 2026-11-28T10:00:00Z)");
        }
        if (!endTime.isAfter(startTime)) {
            throw new InvalidAlertRuleException("endTime", "must be after startTime");
        }
    }
}
