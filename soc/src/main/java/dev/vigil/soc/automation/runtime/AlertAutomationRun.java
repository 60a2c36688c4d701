package dev.vigil.soc.automation.runtime;

import dev.vigil.soc.automation.AutomationRule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One automation rule acting on one new alert, as its {@code SentinelHealth} row records it
 * (Sentinel's "Automation rule run", with the alert in {@code ExtendedProperties}).
 *
 * @param failure why the rule's playbook did not start (e.g. the playbook was deleted), if it did not
 */
record AlertAutomationRun(AutomationRule rule, String systemAlertId, String alertName, Instant time, Optional<String> failure) {

    Map<String, Object> healthRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", time.toString());
        row.put("OperationName", "Automation rule run");
        row.put("SentinelResourceId", "/workspaces/" + rule.workspaceId() + "/automationRules/" + rule.id());
        row.put("SentinelResourceName", rule.displayName());
        row.put("Status", failure.isEmpty() ? "Success" : "Failure");
        row.put("Description", failure.map(reason -> "The rule's playbook did not start on alert " + systemAlertId + ": " + reason)
                .orElse("The rule's " + rule.actions().size() + " playbook(s) started on alert " + systemAlertId + "."));
        row.put("WorkspaceId", rule.workspaceId());
        row.put("SentinelResourceType", "Automation rule");
        row.put("SentinelResourceKind", "");
        // the same run always has the same id: a run repeated after a crash is recognisable as one
        row.put("RecordId", UUID.nameUUIDFromBytes((rule.workspaceId() + "\n" + rule.id() + "\nalert\n" + systemAlertId)
                .getBytes(StandardCharsets.UTF_8)).toString());
        Map<String, Object> extended = new LinkedHashMap<>();
        extended.put("SystemAlertId", systemAlertId);
        extended.put("AlertName", alertName);
        extended.put("TriggeredOn", rule.triggeringLogic().triggersOn().name());
        extended.put("TriggeredWhen", rule.triggeringLogic().triggersWhen().name());
        extended.put("ActionsCount", rule.actions().size());
        row.put("ExtendedProperties", extended);
        return row;
    }
}
