package dev.vigil.server.console.automation;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.Optional;

/**
 * An automation rule (as its API JSON) or a playbook (as YAML) in an editor, with what saving it
 * refused: the path of the wrong value and, for an expression, the character where it goes wrong.
 *
 * @param id the rule id or playbook name; editable only for a new one
 * @param text the document as the editor shows it
 */
public record DocumentEditPage(Shell shell, AutomationTabs tabs, String heading, String kind, String id, boolean isNew, String text,
        Optional<Problem> problem, Optional<String> saved, String saveHref, String backHref, Permit permit) {

    /** Why a save was refused: where, and what is wrong. */
    public record Problem(String path, String position, String message) {
    }
}
