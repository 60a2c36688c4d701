package dev.vigil.server.console.automation;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;

/** Automation's playbooks tab: every playbook of the workspace with its triggers, version and last run. */
public record PlaybooksPage(Shell shell, AutomationTabs tabs, List<Row> rows, String newHref, Permit permit) {

    public record Row(String name, String href, String triggers, int steps, long version, String lastModified, String lastRun) {
    }
}
