package dev.vigil.server.console.hunting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.server.query.QueryThrottledException;
import dev.vigil.soc.RefusedRequestException;
import dev.vigil.soc.hunting.Bookmark;
import dev.vigil.soc.hunting.BookmarkEdit;
import dev.vigil.soc.hunting.BookmarkEntities;
import dev.vigil.soc.hunting.HuntingBookmarks;
import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.hunting.HuntingQuery;
import dev.vigil.soc.hunting.HuntingWindow;
import dev.vigil.soc.hunting.NewBookmark;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.QueryCancelledException;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hunting: the hunting queries with their tactics, techniques and data sources, a run over a time
 * range into a results grid (as the Logs page's), bookmarks of chosen rows, and the bookmarks list
 * with attaching one to an incident. Runs need any role on the workspace; bookmarking needs
 * Responder, as the API's hunting routes do.
 */
public final class HuntingPages {
    private static final String AREA = ConsolePaths.WORKSPACE + "/hunting";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most rows a run shows (and offers to bookmark); the grid says when there were more. */
    static final int MAX_ROWS = 500;
    /** What a run's {@code LAQueryLogs} row names as the client. */
    static final String CLIENT_APP = "Vigil console hunting";
    private static final Map<String, String> RANGES = rangeLabels();
    private static final String DEFAULT_RANGE = "P1D";

    private final HuntingQueries queries;
    private final CallerQueries runs;
    private final HuntingBookmarks bookmarks;
    private final Clock clock;

    public HuntingPages(ConsoleServices services) {
        this.queries = services.content().huntingQueries();
        this.runs = services.content().huntingRuns();
        this.bookmarks = services.content().bookmarks();
        this.clock = services.clock();
    }

    public static String href(String workspace) {
        return ConsolePaths.workspace(workspace) + "/hunting";
    }

    public void register(ConsoleRouter router) {
        router.get(AREA, request -> page(router, request));
        router.post(AREA + "/queries/{queryId}/run", request -> run(router, request));
        router.post(AREA + "/bookmarks", request -> bookmark(router, request));
        router.post(AREA + "/bookmarks/{bookmarkId}/incident", request -> attach(router, request));
        router.get(AREA + "/bookmarks/{bookmarkId}", request -> bookmarkPage(router, request, Optional.empty()));
        router.post(AREA + "/bookmarks/{bookmarkId}", request -> saveBookmark(router, request));
    }

    private static Map<String, String> rangeLabels() {
        Map<String, String> ranges = new LinkedHashMap<>();
        ranges.put("PT1H", "Last hour");
        ranges.put("PT4H", "Last 4 hours");
        ranges.put("P1D", "Last 24 hours");
        ranges.put("P7D", "Last 7 days");
        ranges.put("P30D", "Last 30 days");
        return ranges;
    }

    private static Permit bookmarkPermit(ConsoleRequest request, String workspace) {
        return request.user().permit(Scope.workspace(workspace), Role.RESPONDER);
    }

    private void page(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        List<HuntingPage.QueryRow> rows = queries.list(workspace).stream().map(query -> new HuntingPage.QueryRow(query.id(), query.displayName(),
                query.description(), String.join(", ", query.tactics()), String.join(", ", query.techniques()), dataSources(query),
                href(workspace) + "/queries/" + ConsolePaths.encode(query.id()) + "/run")).toList();
        List<HuntingPage.TimeRange> ranges = RANGES.entrySet().stream()
                .map(range -> new HuntingPage.TimeRange(range.getKey(), range.getValue(), range.getKey().equals(DEFAULT_RANGE))).toList();
        router.templates().render(request.ctx(), "hunting/hunting.jte", new HuntingPage(request.shell(Area.HUNTING, "Hunting"), rows, ranges,
                bookmarkList(request, workspace, Optional.empty())));
    }

    private static String dataSources(HuntingQuery query) {
        return String.join(", ", query.requiredDataConnectors().stream().flatMap(connector -> connector.dataTypes().isEmpty()
                ? java.util.stream.Stream.of(connector.connectorId()) : connector.dataTypes().stream()).distinct().toList());
    }

    private void run(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        HuntingQuery query = found(() -> queries.get(workspace, request.ctx().pathParam("queryId")));
        String range = Optional.ofNullable(request.ctx().formParam("range")).filter(RANGES::containsKey).orElse(DEFAULT_RANGE);
        Instant end = clock.instant();
        HuntingWindow window = new HuntingWindow(end.minus(Duration.parse(range)), end);
        HuntingResults results;
        try {
            QueryResult result = runs.run(queries.request(workspace, query.id(), window), workspace, request.user().principal(), "session", CLIENT_APP);
            results = results(request, workspace, query, window, result);
        } catch (QueryThrottledException | KqlQueryException | QueryCancelledException e) {
            // too many of the user's queries running, a query that no longer compiles, or one stopped at its timeout
            results = HuntingResults.failed(query.id(), query.displayName(), e.getMessage());
        }
        router.templates().render(request.ctx(), "hunting/results.jte", results);
    }

    private HuntingResults results(ConsoleRequest request, String workspace, HuntingQuery query, HuntingWindow window, QueryResult result) {
        ResultTable table = result.primary();
        List<ColumnSchema> schema = table.columns();
        List<HuntingResults.Column> columns = schema.stream().map(column -> new HuntingResults.Column(column.name(), column.type().kqlName())).toList();
        List<HuntingResults.Row> rows = new ArrayList<>();
        for (List<Object> values : table.rows().subList(0, Math.min(MAX_ROWS, table.rows().size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            List<HuntingResults.Cell> cells = new ArrayList<>();
            for (int i = 0; i < schema.size(); i++) {
                Object value = values.get(i);
                row.put(schema.get(i).name(), value);
                String text = value == null ? "" : value.toString();
                cells.add(new HuntingResults.Cell(text, schema.get(i).type() == KqlType.DYNAMIC && !text.isEmpty(), text.isEmpty()));
            }
            rows.add(new HuntingResults.Row(rows.size(), cells, json(row)));
        }
        Optional<String> cut = table.rows().size() > MAX_ROWS ? Optional.of("Showing the first " + MAX_ROWS + " of " + table.rows().size() + " rows.")
                : result.truncation().map(truncation -> "The result was cut at the workspace's result limit.");
        return new HuntingResults(Optional.empty(), query.id(), query.displayName(), window.start().toString(), window.end().toString(),
                DisplayTime.format(window.start()) + " – " + DisplayTime.format(window.end()), columns, rows, cut,
                bookmarkPermit(request, workspace), href(workspace) + "/bookmarks");
    }

    /** Bookmarks each chosen row of a run, with the query's text, entities, tactics and techniques; answers the bookmarks list. */
    private void bookmark(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Permit permit = bookmarkPermit(request, workspace);
        Optional<BookmarkList.Message> message;
        if (!permit.allowed()) {
            message = Optional.of(new BookmarkList.Message(permit.reason(), true));
        } else {
            Authorization.require(request.ctx(), Scope.workspace(workspace), Role.RESPONDER);
            HuntingQuery query = found(() -> queries.get(workspace, form(request, "queryId")));
            List<String> chosen = request.ctx().formParams("row");
            if (chosen.isEmpty()) {
                message = Optional.of(new BookmarkList.Message("Choose one or more rows of the results to bookmark.", true));
            } else {
                message = Optional.of(makeBookmarks(request, workspace, query, chosen));
            }
        }
        router.templates().render(request.ctx(), "hunting/bookmarks.jte", bookmarkList(request, workspace, message));
    }

    private BookmarkList.Message makeBookmarks(ConsoleRequest request, String workspace, HuntingQuery query, List<String> chosen) {
        Optional<Instant> start = time(request, "start");
        Optional<Instant> end = time(request, "end");
        List<String> labels = labels(request);
        String name = Optional.ofNullable(request.ctx().formParam("displayName")).filter(text -> !text.isBlank()).orElse(query.displayName());
        String user = request.user().principal().id();
        try {
            for (String rowJson : chosen) {
                Map<String, Object> row = row(rowJson);
                Bookmark made = bookmarks.create(workspace, new NewBookmark(name, Optional.ofNullable(request.ctx().formParam("notes")).orElse(""), labels,
                        query.tactics(), query.techniques(), query.query(), row, start, end, Optional.empty(),
                        BookmarkEntities.of(query.entityMappings(), row)), user);
                AuditNotes.put(request.ctx(), "bookmark", made.id());
            }
        } catch (RefusedRequestException e) {
            return new BookmarkList.Message(e.getMessage(), true);
        }
        return new BookmarkList.Message(chosen.size() == 1 ? "1 bookmark made." : chosen.size() + " bookmarks made.", false);
    }

    private void attach(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Permit permit = bookmarkPermit(request, workspace);
        BookmarkList.Message message;
        String incident = Optional.ofNullable(request.ctx().formParam("incident")).orElse("").strip();
        if (!permit.allowed()) {
            message = new BookmarkList.Message(permit.reason(), true);
        } else if (incident.isEmpty()) {
            message = new BookmarkList.Message("Give the incident's number to attach the bookmark to.", true);
        } else {
            Authorization.require(request.ctx(), Scope.workspace(workspace), Role.RESPONDER);
            String bookmarkId = request.ctx().pathParam("bookmarkId");
            AuditNotes.put(request.ctx(), "bookmark", bookmarkId);
            try {
                long number = bookmarks.attach(workspace, bookmarkId, incident, request.user().principal().id()).number();
                message = new BookmarkList.Message("Bookmark attached to incident #" + number + ".", false);
            } catch (RefusedRequestException e) {
                message = new BookmarkList.Message(e.getMessage(), true);
            }
        }
        router.templates().render(request.ctx(), "hunting/bookmarks.jte", bookmarkList(request, workspace, Optional.of(message)));
    }

    /** One bookmark's page: its name, notes and labels to edit, the incident to attach it to, and the row as bookmarked. */
    private void bookmarkPage(ConsoleRouter router, ConsoleRequest request, Optional<BookmarkList.Message> message) {
        String workspace = request.workspace();
        Bookmark bookmark = found(() -> bookmarks.get(workspace, request.ctx().pathParam("bookmarkId")));
        List<BookmarkEditPage.Cell> cells = bookmark.queryResult().entrySet().stream()
                .map(cell -> new BookmarkEditPage.Cell(cell.getKey(), cell.getValue() == null ? "" : cell.getValue().toString())).toList();
        String incident = incidentOf(workspace, bookmark);
        router.templates().render(request.ctx(), "hunting/bookmark.jte", new BookmarkEditPage(request.shell(Area.HUNTING, bookmark.displayName()),
                bookmark.id(), bookmark.displayName(), bookmark.notes(), String.join(", ", bookmark.labels()), String.join(", ", bookmark.tactics()),
                String.join(", ", bookmark.techniques()), bookmark.queryText(), cells, incident, bookmarkPermit(request, workspace),
                bookmarkHref(workspace, bookmark.id()), href(workspace), message));
    }

    /** Saves the page's edit as the API's PATCH does, then attaches the bookmark to the incident given, if one is. */
    private void saveBookmark(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Permit permit = bookmarkPermit(request, workspace);
        BookmarkList.Message message;
        if (!permit.allowed()) {
            message = new BookmarkList.Message(permit.reason(), true);
        } else {
            Authorization.require(request.ctx(), Scope.workspace(workspace), Role.RESPONDER);
            String bookmarkId = request.ctx().pathParam("bookmarkId");
            AuditNotes.put(request.ctx(), "bookmark", bookmarkId);
            String user = request.user().principal().id();
            String incident = Optional.ofNullable(request.ctx().formParam("incident")).orElse("").strip();
            try {
                found(() -> bookmarks.edit(workspace, bookmarkId, new BookmarkEdit(Optional.ofNullable(request.ctx().formParam("displayName")),
                        Optional.ofNullable(request.ctx().formParam("notes")), Optional.of(labels(request)), Optional.empty(), Optional.empty(),
                        Optional.empty()), user));
                message = new BookmarkList.Message("Bookmark saved.", false);
                if (!incident.isEmpty()) {
                    long number = bookmarks.attach(workspace, bookmarkId, incident, user).number();
                    message = new BookmarkList.Message("Bookmark saved and attached to incident #" + number + ".", false);
                }
            } catch (RefusedRequestException e) {
                message = new BookmarkList.Message(e.getMessage(), true);
            }
        }
        bookmarkPage(router, request, Optional.of(message));
    }

    /** The incident the bookmark is attached to ({@code #3 SSH guessing}), or empty. */
    private String incidentOf(String workspace, Bookmark bookmark) {
        return bookmarks.incidentOf(workspace, bookmark.id()).map(incident -> "#" + incident.number() + " " + incident.title()).orElse("");
    }

    /** The form's comma-separated labels. */
    private static List<String> labels(ConsoleRequest request) {
        return Arrays.stream(Optional.ofNullable(request.ctx().formParam("labels")).orElse("").split(","))
                .map(String::strip).filter(label -> !label.isEmpty()).toList();
    }

    static String bookmarkHref(String workspace, String bookmarkId) {
        return href(workspace) + "/bookmarks/" + ConsolePaths.encode(bookmarkId);
    }

    private BookmarkList bookmarkList(ConsoleRequest request, String workspace, Optional<BookmarkList.Message> message) {
        List<BookmarkList.Entry> entries = bookmarks.list(workspace).stream().map(bookmark -> new BookmarkList.Entry(bookmark.id(),
                bookmark.displayName(), bookmark.notes(), String.join(", ", bookmark.labels()), String.join(", ", bookmark.tactics()),
                bookmark.createdBy(), DisplayTime.format(bookmark.created()),
                incidentOf(workspace, bookmark),
                bookmarkHref(workspace, bookmark.id()) + "/incident", bookmarkHref(workspace, bookmark.id()))).toList();
        return new BookmarkList(entries, bookmarkPermit(request, workspace), message);
    }

    private static String form(ConsoleRequest request, String name) {
        String value = request.ctx().formParam(name);
        if (value == null || value.isBlank()) {
            throw new ConsolePageException(400, "Missing " + name, "The form did not send '" + name + "'.");
        }
        return value;
    }

    private static Optional<Instant> time(ConsoleRequest request, String name) {
        String value = request.ctx().formParam(name);
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new ConsolePageException(400, "Not a time", "'" + name + "' is not an ISO 8601 time: " + value);
        }
    }

    private static String json(Map<String, Object> row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result row does not write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> row(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new ConsolePageException(400, "Not a result row", "A chosen row is not the JSON object the results grid sends.");
        }
    }

    private static <T> T found(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RefusedRequestException e) {
            if (e.status() == 404) {
                throw ConsolePageException.notFound(e.getMessage());
            }
            throw e;
        }
    }
}
