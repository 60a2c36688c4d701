package dev.vigil.soc.automation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rule acts: enabled, not expired, on the right kind of change, and every condition holding.
 *
 * @param expirationTimeUtc after it the rule no longer runs, as if disabled
 * @param conditions all must hold (a {@link AutomationCondition.BooleanCondition} groups them otherwise)
 */
public record TriggeringLogic(boolean isEnabled, Optional<Instant> expirationTimeUtc, TriggersOn triggersOn, TriggersWhen triggersWhen,
        List<AutomationCondition> conditions) {
    public TriggeringLogic {
        Objects.requireNonNull(expirationTimeUtc, "expirationTimeUtc");
        Objects.requireNonNull(triggersOn, "triggersOn");
        Objects.requireNonNull(triggersWhen, "triggersWhen");
        conditions = List.copyOf(conditions);
    }

    /** Enabled and not expired at {@code now}. */
    public boolean activeAt(Instant now) {
        return isEnabled && expirationTimeUtc.map(now::isBefore).orElse(true);
    }
}
