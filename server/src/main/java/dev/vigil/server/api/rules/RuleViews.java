package dev.vigil.server.api.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.json.AlertRuleJson;

/** A rule as the API shows it: Sentinel's shape, with the rule's last run (read-only) among its properties. */
final class RuleViews {
    private final RuleHealth health;

    RuleViews(RuleHealth health) {
        this.health = health;
    }

    ObjectNode of(AlertRule rule) {
        ObjectNode node = AlertRuleJson.write(rule);
        health.lastRun(rule.workspaceId(), rule.id()).ifPresent(run -> ((ObjectNode) node.get("properties")).set("lastRun", lastRun(node, run)));
        return node;
    }

    private static ObjectNode lastRun(ObjectNode factory, RuleRun run) {
        ObjectNode lastRun = factory.objectNode();
        lastRun.put("startTimeUtc", run.startTime().toString());
        lastRun.put("durationMs", run.duration().toMillis());
        lastRun.put("status", run.status().name());
        lastRun.put("message", run.message().orElse(null));
        lastRun.put("resultCount", run.resultCount());
        lastRun.put("alertsGenerated", run.alertsGenerated());
        lastRun.put("queryStartTimeUtc", run.queryStart() == null ? null : run.queryStart().toString());
        lastRun.put("queryEndTimeUtc", run.queryEnd() == null ? null : run.queryEnd().toString());
        return lastRun;
    }
}
