package dev.vigil.server.console.workbooks;

import dev.vigil.server.console.logs.ChartData;
import java.util.List;
import java.util.Optional;

/**
 * One visible item of a workbook page.
 *
 * @param kind {@code text}, {@code parameters}, {@code links}, {@code group}, {@code query}, {@code notice} (unsupported) or {@code error}
 * @param widthClass the CSS classes of its width ({@code wb-w-50}, {@code wb-w-100} by default) and, for a query, its size ({@code wb-size-1})
 * @param html a text item's rendered markdown, escaped already
 * @param chart a chart to draw, as JSON for {@code charts.js}
 * @param notices what Vigil could not do of it, shown beside it
 * @param logsHref the query on the Logs page
 */
public record ItemView(String name, String kind, int depth, String widthClass, String title, String html, Optional<String> chart, Optional<GridView> grid,
        List<TileView> tiles, List<String> notices, Optional<String> error, List<ParameterControl> parameters, List<TabLink> links,
        Optional<String> logsHref) {

    static ItemView of(String name, String kind, int depth, String widthClass, String title) {
        return new ItemView(name, kind, depth, widthClass, title, "", Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                List.of(), List.of(), Optional.empty());
    }
}
