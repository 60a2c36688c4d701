package dev.vigil.server.api.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.json.AlertRuleJson;

/** A rule as the API shows it: Sentinel's shape. */
final class RuleViews {
    ObjectNode of(AlertRule rule) {
        return AlertRuleJson.write(rule);
    }
}
