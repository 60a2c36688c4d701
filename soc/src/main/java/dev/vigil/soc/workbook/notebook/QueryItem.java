package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Type 3: a query and how its result is drawn.
 *
 * @param queryType 0 for a Log Analytics (KQL) query; 1 is Azure Resource Graph, others other sources
 * @param resourceType the kind of resource it queries; workspaces ({@value #WORKSPACES}) are what Vigil has
 * @param visualization {@code table}, {@code timechart}, {@code barchart}, {@code piechart}, {@code tiles}, ...
 * @param timeContextFromParameter the time range parameter that bounds the query's {@code TimeGenerated}, if any
 * @param timeContext the fixed time range that bounds it otherwise, if any
 */
public record QueryItem(String name, String title, String query, int queryType, String resourceType, String visualization,
        Optional<String> timeContextFromParameter, Optional<Duration> timeContext, List<VisibilityCondition> visibility, ItemLayout layout,
        JsonNode json) implements WorkbookItem {
    public static final String WORKSPACES = "microsoft.operationalinsights/workspaces";

    public QueryItem {
        visibility = List.copyOf(visibility);
    }

    @Override
    public int type() {
        return 3;
    }

    /** Why Vigil cannot run it (another data source than a workspace's logs), or empty when it can. */
    public Optional<String> unsupportedSource() {
        if (queryType == 1) {
            return Optional.of("Azure Resource Graph queries (queryType 1) need Azure resources, which Vigil does not have");
        }
        if (queryType != 0) {
            return Optional.of("queries of queryType " + queryType + " read a data source other than a workspace's logs");
        }
        if (!resourceType.isEmpty() && !resourceType.equalsIgnoreCase(WORKSPACES)) {
            return Optional.of("queries over resources of type '" + resourceType + "' are not supported; Vigil queries workspaces ("
                    + WORKSPACES + ")");
        }
        return Optional.empty();
    }
}
