package dev.vigil.server.console.automation;

import dev.vigil.server.console.Permit;
import java.util.List;
import java.util.Optional;

/**
 * The automation rules of a workspace in the order they run, as the list partial shows them.
 *
 * @param message what the last change did, or why it could not
 */
public record RuleList(List<Row> rows, Permit permit, Optional<String> message) {

    /** One rule: its place in the run order, trigger, conditions and actions in words, and where its buttons post. */
    public record Row(String id, int order, String name, String trigger, int conditions, String actions, boolean enabled, String lastModified,
            String editHref, String enableAction, String disableAction, String deleteAction) {
    }
}
