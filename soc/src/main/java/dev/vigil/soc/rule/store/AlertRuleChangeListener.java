package dev.vigil.soc.rule.store;

import dev.vigil.soc.rule.AlertRule;
import java.util.Optional;

/** Told after a rule is saved or deleted, e.g. to run a newly enabled rule without waiting for the next poll. */
@FunctionalInterface
public interface AlertRuleChangeListener {
    /**
     * @param before the rule before the change, empty when it was created
     * @param after the rule after the change, empty when it was deleted
     */
    void changed(String workspaceId, String ruleId, Optional<AlertRule> before, Optional<AlertRule> after);
}
