package dev.vigil.server.console.analytics;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * A Microsoft Security rule's edit page: its general settings and its alert filters.
 *
 * @param etag the version edited; saving over a newer one is refused
 * @param severities the choices: alert severities
 * @param severityFilter the severities that pass (empty: all)
 * @param error why the last save was refused
 * @param saved whether the page shows the rule just saved
 */
public record RuleEditPage(Shell shell, String id, String kind, String etag, String name, String description, boolean enabled,
        List<String> severities, String productFilter, List<String> severityFilter, Permit permit, Optional<String> error, boolean saved,
        String action, String listHref) {
}
