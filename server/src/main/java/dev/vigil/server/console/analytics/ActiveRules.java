package dev.vigil.server.console.analytics;

import dev.vigil.server.console.Permit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Active rules list: the fragment that filtering, sorting, and enabling, disabling, duplicating
 * and deleting a rule answer with.
 *
 * @param rows the rules the filter lets through, in its order
 * @param total how many rules the workspace has
 * @param enabled how many of them are enabled
 * @param permit whether the user may change rules (Contributor on the workspace), and why not
 * @param message what the last action did, or why it could not
 */
public record ActiveRules(List<Row> rows, int total, long enabled, RuleFilter filter, Permit permit, Optional<String> message, String listHref) {

    /**
     * A rule.
     *
     * @param severityRank for ordering: informational lowest, a Microsoft Security rule (severities of its alerts) below all
     * @param lastRun when its last run ended and how, or {@code Not run yet}
     * @param lastRunAt null when it has not run
     * @param health {@code Success}, {@code Failure} or empty when it has not run
     */
    public record Row(String id, String name, String severity, int severityRank, String kind, boolean enabled, String lastRun, Instant lastRunAt,
            String health, String healthDetail, String lastModified, Instant lastModifiedAt, String editHref, String enableAction,
            String disableAction, String duplicateAction, String deleteAction) {
    }
}
