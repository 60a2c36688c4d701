package dev.vigil.server.console.iot;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * The IoT alerts of one subscription, newest first, filtered by status, severity, hub and device,
 * with status changes.
 *
 * @param subscriptions the subscriptions the user holds a role on; empty: nothing to list
 * @param permit whether the user may change the statuses of this subscription's alerts
 */
public record AlertListPage(Shell shell, String overviewHref, String action, List<String> subscriptions, String subscription,
        List<String> statuses, String status, List<String> severities, String severity, String hub, String device,
        List<AlertRow> rows, Optional<String> firstHref, Optional<String> nextHref, Permit permit, Optional<String> message) {
}
