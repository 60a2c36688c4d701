package dev.vigil.server.console.automation;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.Optional;

/**
 * One saved version of a playbook, read-only, and restoring it as the next version.
 *
 * @param current the playbook's latest version; restoring makes {@code current + 1}
 * @param problem why the last restore was refused
 */
public record PlaybookVersionPage(Shell shell, AutomationTabs tabs, String playbook, long version, long current, String saved, String savedBy,
        String yaml, String playbookHref, String restoreAction, Optional<String> problem, Permit permit) {

    public boolean isCurrent() {
        return version == current;
    }
}
