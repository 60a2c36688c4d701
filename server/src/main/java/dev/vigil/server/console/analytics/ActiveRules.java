package dev.vigil.server.console.analytics;

import dev.vigil.server.console.Permit;
import java.util.List;
import java.util.Optional;

/**
 * The Active rules list: the fragment that enabling, disabling and deleting a rule answer with.
 *
 * @param permit whether the user may change rules (Contributor on the workspace), and why not
 * @param message what the last action did, or why it could not
 */
public record ActiveRules(List<Row> rows, Permit permit, Optional<String> message) {

    /**
     * A rule.
     *
     * @param lastRun when its last run ended and how, or {@code Not run yet}
     * @param health {@code Success}, {@code Failure} or empty when it has not run
     */
    public record Row(String id, String name, String severity, String kind, boolean enabled, String lastRun, String health, String healthDetail,
            String lastModified, String editHref, String enableAction, String disableAction, String deleteAction) {
    }
}
