package dev.vigil.server.api.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.access.Role;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.soc.hunting.Bookmark;
import dev.vigil.soc.hunting.HuntingBookmarks;
import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.hunting.HuntingWindow;
import dev.vigil.workspace.api.QueryResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Hunting: the workspace's hunting queries (imported as content; any role reads and runs them,
 * Contributor deletes; a run counts among the caller's queries, with its {@code LAQueryLogs} row) and its bookmarks (any role reads; Responder, who works incidents, makes,
 * edits, deletes and attaches them to incidents).
 */
public final class HuntingRoutes {
    static final String QUERIES = "/api/workspaces/{workspace}/huntingQueries";
    static final String QUERY = QUERIES + "/{queryId}";
    static final String BOOKMARKS = "/api/workspaces/{workspace}/bookmarks";
    static final String BOOKMARK = BOOKMARKS + "/{bookmarkId}";
    /** What a run's {@code LAQueryLogs} row names as the client. */
    static final String CLIENT_APP = "Vigil API hunting";

    private final HuntingQueries queries;
    private final CallerQueries runs;
    private final HuntingBookmarks bookmarks;
    private final ObjectMapper json;
    private final Clock clock;

    public HuntingRoutes(HuntingQueries queries, CallerQueries runs, HuntingBookmarks bookmarks, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.runs = runs;
        this.bookmarks = bookmarks;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get(QUERIES, this::listQueries);
        routes.get(QUERY, this::readQuery);
        routes.delete(QUERY, this::deleteQuery);
        routes.post(QUERY + "/run", this::run);
        routes.get(BOOKMARKS, this::listBookmarks);
        routes.post(BOOKMARKS, this::createBookmark);
        routes.get(BOOKMARK, this::readBookmark);
        routes.patch(BOOKMARK, this::editBookmark);
        routes.delete(BOOKMARK, this::deleteBookmark);
        routes.post(BOOKMARK + "/incident", this::attach);
    }

    private void listQueries(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(Map.of("value", queries.list(workspace).stream().map(q -> HuntingJson.query(workspace, q)).toList()));
    }

    private void readQuery(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(HuntingJson.query(workspace, queries.get(workspace, ctx.pathParam("queryId"))));
    }

    private void deleteQuery(Context ctx) {
        queries.delete(Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR), ctx.pathParam("queryId"));
        ctx.status(200);
    }

    private void run(Context ctx) throws IOException {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        JsonNode body = body(ctx);
        HuntingWindow window = window(body);
        Caller caller = Caller.of(ctx);
        QueryResult result = runs.run(queries.request(workspace, ctx.pathParam("queryId"), window), workspace, caller.principal(), caller.credential(), CLIENT_APP);
        ctx.json(HuntingJson.result(result, window.start(), window.end()));
    }

    private void listBookmarks(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(Map.of("value", bookmarks.list(workspace).stream().map(b -> HuntingJson.bookmark(b, bookmarks.incidentOf(workspace, b.id()))).toList()));
    }

    private void createBookmark(Context ctx) throws IOException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        Bookmark created = bookmarks.create(workspace, BookmarkRequest.read(body(ctx), workspace, queries), Caller.of(ctx).principal().id());
        ctx.status(201).json(HuntingJson.bookmark(created, Optional.empty()));
    }

    private void readBookmark(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        Bookmark bookmark = bookmarks.get(workspace, ctx.pathParam("bookmarkId"));
        ctx.json(HuntingJson.bookmark(bookmark, bookmarks.incidentOf(workspace, bookmark.id())));
    }

    private void editBookmark(Context ctx) throws IOException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        String bookmarkId = ctx.pathParam("bookmarkId");
        AuditNotes.put(ctx, "bookmark", bookmarkId);
        Bookmark edited = bookmarks.edit(workspace, bookmarkId, BookmarkEditRequest.read(body(ctx)), Caller.of(ctx).principal().id());
        ctx.json(HuntingJson.bookmark(edited, bookmarks.incidentOf(workspace, bookmarkId)));
    }

    private void deleteBookmark(Context ctx) {
        bookmarks.delete(Authorization.requireWorkspace(ctx, Role.RESPONDER), ctx.pathParam("bookmarkId"), Caller.of(ctx).principal().id());
        ctx.status(200);
    }

    private void attach(Context ctx) throws IOException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        JsonNode body = body(ctx);
        if (body == null || !body.path("incident").isValueNode() || body.path("incident").asText().isBlank()) {
            throw new InvalidRequestException("Attaching a bookmark needs {\"incident\": the incident's name (GUID) or number}.");
        }
        String bookmarkId = ctx.pathParam("bookmarkId");
        bookmarks.attach(workspace, bookmarkId, body.get("incident").asText(), Caller.of(ctx).principal().id());
        ctx.json(HuntingJson.bookmark(bookmarks.get(workspace, bookmarkId), bookmarks.incidentOf(workspace, bookmarkId)));
    }

    /** The body's {@code startTime} and {@code endTime}; the day up to now when neither is given. */
    private HuntingWindow window(JsonNode body) {
        Instant end = time(body, "endTime");
        Instant start = time(body, "startTime");
        if (end == null) {
            end = clock.instant();
        }
        return new HuntingWindow(start == null ? end.minus(HuntingWindow.DEFAULT_LOOKBACK) : start, end);
    }

    static Instant time(JsonNode body, String member) {
        JsonNode value = body == null ? null : body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + member + "' is not an ISO 8601 time such as 2026-11-28T10:00:00Z: '" + value.asText() + "'");
        }
    }

    private JsonNode body(Context ctx) throws IOException {
        // malformed JSON goes to the error mapping, which reports its position
        return ctx.body().isBlank() ? null : json.readTree(ctx.body());
    }
}
