package dev.vigil.server.api.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.soc.rule.json.RuleRunJson;

/** A rule as the API shows it: Sentinel's shape, with the rule's last run (read-only) among its properties. */
final class RuleViews {
    private final RuleHealth health;

    RuleViews(RuleHealth health) {
        this.health = health;
    }

    ObjectNode of(AlertRule rule) {
        ObjectNode node = AlertRuleJson.write(rule);
        health.lastRun(rule.workspaceId(), rule.id()).ifPresent(run -> ((ObjectNode) node.get("properties")).set("lastRun", RuleRunJson.write(run)));
        return node;
    }
}
