package dev.vigil.soc.automation.store;

import dev.vigil.soc.automation.AutomationRule;

/** The answer to a save: the rule, and whether the save created it (else it replaced one). */
public record SavedAutomationRule(AutomationRule rule, boolean created) {
}
