package dev.vigil.soc.rule.template;

import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.store.AlertRules;
import java.util.List;
import java.util.Optional;

/**
 * Turns a workspace's rule made from a template on or off, making it from the template the first
 * time: what the Defender for IoT connector's "Create incidents" option does with
 * {@link AlertRuleTemplates#IOT_INCIDENT_CREATION}. The rule made gets the template's id as its own,
 * so that turning it on twice makes one rule; a rule the user edited keeps the edits.
 */
public final class TemplateRuleSwitch {
    private final AlertRules rules;
    private final AlertRuleTemplates templates;

    public TemplateRuleSwitch(AlertRules rules, AlertRuleTemplates templates) {
        this.rules = rules;
        this.templates = templates;
    }

    /** Enables every rule of the workspace made from the template, or makes one; returns them. */
    public List<AlertRule> enable(String workspaceId, String templateId) {
        List<AlertRule> made = madeFrom(workspaceId, templateId);
        if (made.isEmpty()) {
            return List.of(rules.save(workspaceId, templates.get(templateId).id(), templates.ruleFrom(templateId, true), Optional.empty()).rule());
        }
        return made.stream().map(rule -> rule.enabled() ? rule
                : rules.save(workspaceId, rule.id(), rule.properties().withEnabled(true), Optional.of(rule.etag())).rule()).toList();
    }

    /** Disables every rule of the workspace made from the template; they stay, to be enabled again with their settings. */
    public void disable(String workspaceId, String templateId) {
        for (AlertRule rule : madeFrom(workspaceId, templateId)) {
            if (rule.enabled()) {
                rules.save(workspaceId, rule.id(), rule.properties().withEnabled(false), Optional.of(rule.etag()));
            }
        }
    }

    private List<AlertRule> madeFrom(String workspaceId, String templateId) {
        return rules.list(workspaceId).stream()
                .filter(rule -> rule.properties().alertRuleTemplateName().filter(templateId::equalsIgnoreCase).isPresent()).toList();
    }
}
