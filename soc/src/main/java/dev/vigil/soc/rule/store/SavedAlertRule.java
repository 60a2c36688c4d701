package dev.vigil.soc.rule.store;

import dev.vigil.soc.rule.AlertRule;

/** The outcome of a save: the rule as now stored, and whether the save created it. */
public record SavedAlertRule(AlertRule rule, boolean created) {
}
