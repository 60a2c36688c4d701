package dev.vigil.soc.automation;

import java.util.List;
import java.util.Objects;

/** What a client sets of an automation rule; the store adds its id, times, authors and revision. */
public record AutomationRuleDefinition(String displayName, int order, TriggeringLogic triggeringLogic, List<AutomationAction> actions) {
    public AutomationRuleDefinition {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(triggeringLogic, "triggeringLogic");
        actions = List.copyOf(actions);
    }
}
