package dev.vigil.soc.playbook.template;

import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.playbook.Playbook;
import java.util.Optional;

/** What installing a template made: the playbook, and its automation rule (disabled) when the template has one. */
public record InstalledTemplate(Playbook playbook, Optional<AutomationRule> automationRule) {
}
