package dev.vigil.soc.automation.runtime;

import dev.vigil.soc.automation.AutomationRule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One automation rule acting on one incident change, as its {@code SentinelHealth} row records it
 * (Sentinel's "Automation rule run" with the incident and trigger in {@code ExtendedProperties}).
 *
 * @param failure why the rule's actions were refused (e.g. closing with another classification), if they were
 */
public record AutomationRun(AutomationRule rule, long incidentNumber, String incidentName, long triggerSequence, Instant time,
        Optional<String> failure) {

    public boolean succeeded() {
        return failure.isEmpty();
    }

    Map<String, Object> healthRow() {
        Map<String, Object> extended = new LinkedHashMap<>();
        extended.put("IncidentName", incidentName);
        extended.put("IncidentNumber", incidentNumber);
        extended.put("TriggeredOn", rule.triggeringLogic().triggersOn().name());
        extended.put("TriggeredWhen", rule.triggeringLogic().triggersWhen().name());
        extended.put("TriggerChangeSequence", triggerSequence);
        extended.put("ActionsCount", rule.actions().size());
        return ruleRunRow(rule, time, succeeded(),
                failure.map(reason -> "The rule's actions on incident " + incidentNumber + " were refused: " + reason)
                        .orElse("The rule's " + rule.actions().size() + " action(s) ran on incident " + incidentNumber + "."),
                String.valueOf(triggerSequence), extended);
    }

    /**
     * The {@code SentinelHealth} row of a rule's run, whatever triggered it.
     *
     * @param runKey the run among the rule's runs: the same run always gets the same {@code RecordId}
     */
    static Map<String, Object> ruleRunRow(AutomationRule rule, Instant time, boolean succeeded, String description, String runKey,
            Map<String, Object> extended) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", time.toString());
        row.put("OperationName", "Automation rule run");
        row.put("SentinelResourceId", "/workspaces/" + rule.workspaceId() + "/automationRules/" + rule.id());
        row.put("SentinelResourceName", rule.displayName());
        row.put("Status", succeeded ? "Success" : "Failure");
        row.put("Description", description);
        row.put("WorkspaceId", rule.workspaceId());
        row.put("SentinelResourceType", "Automation rule");
        row.put("SentinelResourceKind", "");
        // a run repeated after a crash is recognisable as one
        row.put("RecordId", UUID.nameUUIDFromBytes((rule.workspaceId() + "\n" + rule.id() + "\n" + runKey).getBytes(StandardCharsets.UTF_8))
                .toString());
        row.put("ExtendedProperties", extended);
        return row;
    }
}
