package dev.vigil.server.console.analytics;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * Analytics, on its Rule templates tab: the gallery, and the selected template's details with
 * Create rule.
 *
 * @param permit whether the user may create rules, and why not
 */
public record RuleTemplatesPage(Shell shell, AnalyticsTabs tabs, String search, List<Row> rows, int total, Optional<Details> selected, Permit permit,
        String action) {

    /** A template in the gallery. */
    public record Row(String id, String name, String severity, String kind, String dataSources, long rulesCreated, String selectHref,
            boolean selected) {
    }

    /**
     * The selected template.
     *
     * @param query empty for a Microsoft Security template
     * @param schedule how often a Scheduled template's rule runs and over what; empty for others
     * @param createHref the wizard filled from the template (Scheduled, NRT); empty for a Microsoft Security template, which
     *     {@code createAction} makes directly
     */
    public record Details(String id, String name, String kind, String severity, String description, List<String> tactics, List<String> techniques,
            Optional<String> query, Optional<String> schedule, List<String> requiredDataConnectors, long rulesCreated, Optional<String> createHref,
            String createAction, String version) {
    }
}
