package dev.vigil.server.console;

import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
import dev.vigil.soc.playbook.store.Playbooks;

/** What the Automation pages call: the automation rules, the playbooks, their runs, and the runner that starts one by hand. */
public record AutomationServices(AutomationRules rules, Playbooks playbooks, PlaybookRuns runs, PlaybookRunner runner) {
}
