package dev.vigil.server.console.logs;

import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A kept result of the Logs page, under {@code …/logs/results/{id}}: its pages as the grid shows
 * them (sorted and filtered, see {@link ResultView}), how far its query got while it runs, its
 * rows as CSV and JSON files, and its rows as a chart's data. Only the user who ran the query
 * finds it, in the workspace it ran in.
 */
final class ResultPages {
    private final QueryResults results;
    private final LogsQueries queries;
    private final Clock clock;

    ResultPages(QueryResults results, LogsQueries queries, Clock clock) {
        this.results = results;
        this.queries = queries;
        this.clock = clock;
    }

    static String href(String workspace, String id) {
        return LogsPages.href(workspace) + "/results/" + id;
    }

    void register(ConsoleRouter router, String path) {
        router.get(path, request -> page(router, request));
        router.get(path + "/progress", request -> progress(router, request));
        router.get(path + "/export.csv", this::exportCsv);
        router.get(path + "/export.json", this::exportJson);
        router.get(path + "/chart", this::chart);
    }

    /** The user's kept result of the path, or why it is gone. */
    private KeptResult kept(ConsoleRequest request) {
        String id = request.ctx().pathParam("result");
        return results.find(id, request.user().name(), request.workspace())
                .orElseThrow(() -> ConsolePageException.notFound("These results are no longer kept; run the query again."));
    }

    private ResultGrid grid(ConsoleRequest request, KeptResult result) {
        int page = Optional.ofNullable(request.ctx().queryParam("page")).map(LogsPages::parsePage).orElse(1);
        return ResultGrids.page(result, ResultView.of(request.ctx()::queryParam), page, LogsPages.PAGE_SIZE, href(request.workspace(), result.id()));
    }

    private void page(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        ResultGrid grid = results.find(request.ctx().pathParam("result"), request.user().name(), workspace)
                .map(kept -> grid(request, kept))
                .orElse(ResultGrid.failed("These results are no longer kept; run the query again.", 0));
        router.templates().render(request.ctx(), "logs/results.jte", grid);
    }

    /**
     * How far a running query got: waits a moment for it to end, then answers its summary again
     * (still running), or the whole grid in place of the results (ended).
     */
    private void progress(ConsoleRouter router, ConsoleRequest request) {
        KeptResult result = kept(request);
        queries.awaitProgress(request, result);
        ResultGrid grid = grid(request, result);
        if (grid.running()) {
            router.templates().render(request.ctx(), "logs/progress.jte", grid);
            return;
        }
        request.ctx().header("HX-Retarget", "#results").header("HX-Reswap", "innerHTML");
        router.templates().render(request.ctx(), "logs/results.jte", grid);
    }

    /** The kept rows, filtered and sorted as the grid shows them. */
    private static List<List<Object>> shownRows(ConsoleRequest request, ResultTable table) {
        return ResultView.of(request.ctx()::queryParam).apply(table.columns(), table.rows());
    }

    /** The kept result's table the request asks for ({@code table}, the first by default). */
    private static ResultTable shownTable(ConsoleRequest request, KeptResult result) {
        return result.rows().table(ResultView.of(request.ctx()::queryParam).table());
    }

    private void exportCsv(ConsoleRequest request) {
        ResultTable table = shownTable(request, kept(request));
        attachment(request, "csv");
        request.ctx().contentType("text/csv; charset=utf-8").result(ResultExport.csv(table.columns(), shownRows(request, table)));
    }

    private void exportJson(ConsoleRequest request) {
        ResultTable table = shownTable(request, kept(request));
        attachment(request, "json");
        request.ctx().json(ResultExport.json(table.columns(), shownRows(request, table)));
    }

    private void attachment(ConsoleRequest request, String extension) {
        request.ctx().header("Content-Disposition", "attachment; filename=\"" + ResultExport.fileName(request.workspace(), clock.instant(), extension)
                + "\"");
    }

    /** The shown rows as the chart's data; {@code kind} from the query's {@code render}, else a table. */
    private void chart(ConsoleRequest request) {
        KeptResult result = kept(request);
        ResultTable table = shownTable(request, result);
        request.ctx().json(new ChartData(result.render().orElse("table"), "",
                table.columns().stream().map(c -> new ChartData.Column(c.name(), c.type().kqlName())).toList(), shownRows(request, table)));
    }
}
