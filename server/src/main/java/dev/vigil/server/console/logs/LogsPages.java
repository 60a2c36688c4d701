package dev.vigil.server.console.logs;

import dev.vigil.kql.Kql;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.KqlErrorDetails;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.ContentSecurityPolicy;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.Assets;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.query.QueryLog;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.api.TableInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Logs: the schema pane, the KQL editor (Monaco, with completion from the workspace's catalog and
 * errors from the explain service as you type), the time range, the results grid (paging, sort and
 * filter, export, a chart when the query renders one), the user's query history and the
 * workspace's saved queries. Queries run as the query API's do, under its governance
 * ({@link LogsQueries}), and show their first rows while they still run.
 */
public final class LogsPages {
    private static final String PAGE = ConsolePaths.WORKSPACE + "/logs";
    static final int PAGE_SIZE = 50;
    static final String DEFAULT_TIMESPAN = "P1D";
    private static final Map<String, String> TIME_RANGES = timeRanges();

    private final LogStore logStore;
    private final QueryResults results = new QueryResults();
    private final LogsQueries queries;
    private final ResultPages resultPages;
    private final QueryLibraryPages libraryPages;

    public LogsPages(ConsoleServices services) {
        this.logStore = services.logStore();
        this.queries = new LogsQueries(services.queries(), new QueryLog(services.logStore()), results, services.clock());
        this.resultPages = new ResultPages(results, queries, services.clock());
        this.libraryPages = new QueryLibraryPages(new QueryHistory(services.logStore()), services.savedQueries(), services.clock());
    }

    public static String href(String workspace) {
        return ConsolePaths.workspace(workspace) + "/logs";
    }

    /** The Logs page opened on this query: a shareable link. */
    public static String href(String workspace, String query) {
        return href(workspace) + "?query=" + ConsolePaths.encode(query);
    }

    /** Whether the page offers this time range (an ISO 8601 duration, or empty for "set in query"). */
    static boolean isTimeRange(String value) {
        return TIME_RANGES.containsKey(value);
    }

    private static Map<String, String> timeRanges() {
        Map<String, String> ranges = new LinkedHashMap<>();
        ranges.put("PT30M", "Last 30 minutes");
        ranges.put("PT1H", "Last hour");
        ranges.put("PT4H", "Last 4 hours");
        ranges.put("PT12H", "Last 12 hours");
        ranges.put("P1D", "Last 24 hours");
        ranges.put("P2D", "Last 48 hours");
        ranges.put("P3D", "Last 3 days");
        ranges.put("P7D", "Last 7 days");
        ranges.put("P30D", "Last 30 days");
        ranges.put("", "Set in query");
        return ranges;
    }

    public void register(ConsoleRouter router) {
        router.get(PAGE, request -> page(router, request));
        router.get(PAGE + "/catalog", this::catalog);
        router.post(PAGE + "/run", request -> run(router, request));
        router.post(PAGE + "/diagnostics", this::diagnostics);
        router.delete(PAGE + "/queries/{query}", this::cancel);
        resultPages.register(router, PAGE + "/results/{result}");
        libraryPages.register(router, PAGE);
    }

    private void page(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        String query = Optional.ofNullable(request.ctx().queryParam("query")).orElse("");
        String timespan = Optional.ofNullable(request.ctx().queryParam("timespan")).filter(TIME_RANGES::containsKey).orElse(DEFAULT_TIMESPAN);
        String nonce = ContentSecurityPolicy.newNonce();
        request.ctx().header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.withEditor(nonce).headerValue());
        List<LogsPage.TimeRange> ranges = TIME_RANGES.entrySet().stream()
                .map(e -> new LogsPage.TimeRange(e.getKey(), e.getValue(), e.getKey().equals(timespan))).toList();
        LogsPage page = new LogsPage(request.shell(Area.LOGS, "Logs").withEditor(nonce,
                // ECharts before Monaco's AMD loader: after it, ECharts would register as an AMD module instead of window.echarts
                List.of(Assets.ECHARTS, Assets.CHARTS_SCRIPT, Assets.MONACO_BASE + "/vs/loader.js", Assets.KQL_EDITOR_SCRIPT, Assets.LOGS_SCRIPT)),
                schema(workspace), query, timespan, ranges, href(workspace) + "/run", href(workspace) + "/catalog",
                href(workspace) + "/diagnostics", href(workspace) + "/queries", href(workspace) + "/history", href(workspace) + "/saved",
                request.user().permit(Scope.workspace(workspace), Role.CONTRIBUTOR));
        router.templates().render(request.ctx(), "logs/logs.jte", page);
    }

    private SchemaPane schema(String workspace) {
        // the empty standard tables' group goes last; the others in name order
        Map<String, List<SchemaPane.Table>> bySolution = new TreeMap<>(Comparator.comparing((String name) -> name.equals(TableSolutions.EMPTY_STANDARD))
                .thenComparing(Comparator.naturalOrder()));
        for (TableInfo table : logStore.tables(workspace).stream().sorted(Comparator.comparing(TableInfo::name)).toList()) {
            List<SchemaPane.Column> columns = TableSolutions.isEmptyStandard(table) ? List.of() : columns(table);
            bySolution.computeIfAbsent(TableSolutions.of(table), s -> new ArrayList<>()).add(new SchemaPane.Table(table.name(), table.rowCount(), columns));
        }
        List<SchemaPane.Solution> solutions = bySolution.entrySet().stream()
                .map(e -> new SchemaPane.Solution(e.getKey(), !e.getKey().equals(TableSolutions.EMPTY_STANDARD), e.getValue())).toList();
        List<String> stored = logStore.functions(workspace).stream().map(StoredFunctionDefinition::name).toList();
        return new SchemaPane(solutions, stored, List.copyOf(Kql.functionNames()));
    }

    private static List<SchemaPane.Column> columns(TableInfo table) {
        return table.columns().stream().map(c -> new SchemaPane.Column(c.name(), c.type().kqlName())).toList();
    }

    /** What the editor completes, as JSON: the tables with their columns, the functions, operators, plugins and keywords. */
    private void catalog(ConsoleRequest request) {
        String workspace = request.workspace();
        Map<String, Object> catalog = new LinkedHashMap<>();
        // every table with its columns, the empty standard ones too, which the pane lists by name alone
        catalog.put("tables", logStore.tables(workspace).stream().map(t -> Map.of("name", t.name(), "columns", columns(t))).toList());
        catalog.put("functions", List.copyOf(Kql.functionNames()));
        catalog.put("storedFunctions", logStore.functions(workspace).stream().map(StoredFunctionDefinition::name).toList());
        catalog.put("operators", KqlVocabulary.OPERATORS);
        catalog.put("plugins", KqlVocabulary.PLUGINS);
        catalog.put("keywords", KqlVocabulary.KEYWORDS);
        request.ctx().json(catalog);
    }

    /**
     * What the editor underlines as the user types: the query explained (compiled, not run) by the
     * same service as the explain API, its diagnostics answered in that API's {@code innererror}
     * shape as data (200), not as an error.
     */
    private void diagnostics(ConsoleRequest request) {
        String workspace = request.workspace();
        String query = Optional.ofNullable(request.ctx().bodyAsClass(QueryText.class).query()).orElse("");
        Map<String, Object> found = Map.of();
        if (!query.isBlank()) {
            try {
                logStore.explain(workspace, QueryRequest.of(query));
            } catch (KqlQueryException e) {
                found = KqlErrorDetails.of(e.diagnostics());
            }
        }
        request.ctx().json(found);
    }

    /** The body the editor sends to have its text checked. */
    record QueryText(String query) {
    }

    private void run(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.READER);
        String query = Optional.ofNullable(request.ctx().formParam("query")).orElse("");
        String timespan = Optional.ofNullable(request.ctx().formParam("timespan")).filter(TIME_RANGES::containsKey).orElse(DEFAULT_TIMESPAN);
        String queryId = Optional.ofNullable(request.ctx().formParam("queryId")).orElse("");
        ResultGrid grid;
        if (query.isBlank()) {
            grid = ResultGrid.failed("Write a query first, e.g. SecurityAlert | take 10.", 0);
        } else {
            QueryRequest queryRequest = timespan.isEmpty() ? QueryRequest.of(query) : new QueryRequest(query, Optional.of(timespan));
            KeptResult result = queries.run(request, workspace, queryId, queryRequest);
            grid = ResultGrids.page(result, ResultView.NONE, 1, PAGE_SIZE, ResultPages.href(workspace, result.id()));
        }
        router.templates().render(request.ctx(), "logs/results.jte", grid);
    }

    /** Cancel on the page: stops the user's running query in the engine; its own request then shows that it was cancelled. */
    private void cancel(ConsoleRequest request) {
        String workspace = request.workspace();
        String queryId = request.ctx().pathParam("query");
        if (!queries.cancel(workspace, queryId, request.user().principal())) {
            throw ConsolePageException.notFound("No query of yours with the id '" + queryId + "' is running on workspace '" + workspace
                    + "'; it may have finished already.");
        }
        request.ctx().status(202);
    }

    static int parsePage(String text) {
        try {
            return Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
