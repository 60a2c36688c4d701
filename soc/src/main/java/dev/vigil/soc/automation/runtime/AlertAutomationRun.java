package dev.vigil.soc.automation.runtime;

import dev.vigil.soc.automation.AutomationRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One automation rule acting on one new alert, as its {@code SentinelHealth} row records it
 * (Sentinel's "Automation rule run", with the alert in {@code ExtendedProperties}).
 *
 * @param failure why the rule's playbook did not start (e.g. the playbook was deleted), if it did not
 */
record AlertAutomationRun(AutomationRule rule, String systemAlertId, String alertName, Instant time, Optional<String> failure) {

    Map<String, Object> healthRow() {
        Map<String, Object> extended = new LinkedHashMap<>();
        extended.put("SystemAlertId", systemAlertId);
        extended.put("AlertName", alertName);
        extended.put("TriggeredOn", rule.triggeringLogic().triggersOn().name());
        extended.put("TriggeredWhen", rule.triggeringLogic().triggersWhen().name());
        extended.put("ActionsCount", rule.actions().size());
        return AutomationRun.ruleRunRow(rule, time, failure.isEmpty(),
                failure.map(reason -> "The rule's playbook did not start on alert " + systemAlertId + ": " + reason)
                        .orElse("The rule's " + rule.actions().size() + " playbook(s) started on alert " + systemAlertId + "."),
                "alert\n" + systemAlertId, extended);
    }
}
