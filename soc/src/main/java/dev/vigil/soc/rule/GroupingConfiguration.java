package dev.vigil.soc.rule;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Whether and how a rule's alerts join an incident the rule opened within {@code lookbackDuration}
 * instead of opening a new one.
 */
public record GroupingConfiguration(boolean enabled, boolean reopenClosedIncident, Duration lookbackDuration, MatchingMethod matchingMethod,
        List<String> groupByEntities, List<String> groupByAlertDetails, List<String> groupByCustomDetails) {
    /** Sentinel's default: grouping off, a 5-hour lookback, all entities. */
    public static final GroupingConfiguration DISABLED = new GroupingConfiguration(false, false, Duration.ofHours(5), MatchingMethod.AllEntities,
            List.of(), List.of(), List.of());

    public GroupingConfiguration {
        Objects.requireNonNull(lookbackDuration, "lookbackDuration");
        Objects.requireNonNull(matchingMethod, "matchingMethod");
        groupByEntities = List.copyOf(groupByEntities);
        groupByAlertDetails = List.copyOf(groupByAlertDetails);
        groupByCustomDetails = List.copyOf(groupByCustomDetails);
    }
}
