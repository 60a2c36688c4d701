package dev.vigil.server.api.watchlists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.access.Role;
import dev.vigil.server.api.IfMatch;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.soc.watchlist.SavedWatchlist;
import dev.vigil.soc.watchlist.Watchlist;
import dev.vigil.soc.watchlist.WatchlistJson;
import dev.vigil.soc.watchlist.Watchlists;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's watchlists in the shape of Sentinel's {@code watchlists} and {@code watchlistItems}:
 * any role on the workspace reads; Contributor writes (Sentinel: Microsoft Sentinel Contributor).
 */
public final class WatchlistRoutes {
    static final String WATCHLISTS = "/api/workspaces/{workspace}/watchlists";
    static final String WATCHLIST = WATCHLISTS + "/{alias}";
    static final String ITEMS = WATCHLIST + "/watchlistItems";
    static final String ITEM = ITEMS + "/{itemId}";

    private final Watchlists watchlists;
    private final ObjectMapper json;

    public WatchlistRoutes(Watchlists watchlists, ObjectMapper json) {
        this.watchlists = watchlists;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(WATCHLISTS, this::list);
        routes.get(WATCHLIST, this::read);
        routes.put(WATCHLIST, this::save);
        routes.delete(WATCHLIST, this::delete);
        routes.get(ITEMS, this::items);
        routes.get(ITEM, this::item);
        routes.put(ITEM, this::saveItem);
        routes.delete(ITEM, this::deleteItem);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("value", watchlists.list(Authorization.requireWorkspace(ctx, Role.READER)).stream().map(WatchlistJson::write).toList()));
    }

    private void read(Context ctx) {
        Watchlist watchlist = watchlists.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("alias"));
        ctx.header("ETag", watchlist.etag()).json(WatchlistJson.write(watchlist));
    }

    private void save(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        JsonNode body = body(ctx);
        String alias = ctx.pathParam("alias");
        SavedWatchlist saved = watchlists.save(workspace, alias, WatchlistJson.read(body, alias), IfMatch.of(ctx).or(() -> WatchlistJson.etag(body)),
                Caller.of(ctx).principal().id());
        AuditNotes.put(ctx, "watchlist", alias);
        ctx.header("ETag", saved.watchlist().etag()).status(saved.created() ? 201 : 200).json(WatchlistJson.write(saved.watchlist()));
    }

    private void delete(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        watchlists.delete(workspace, ctx.pathParam("alias"), IfMatch.of(ctx));
        AuditNotes.put(ctx, "watchlist", ctx.pathParam("alias"));
        ctx.status(200);
    }

    private void items(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        Watchlist watchlist = watchlists.get(workspace, ctx.pathParam("alias"));
        ctx.json(Map.of("value", watchlists.items(workspace, watchlist.alias()).stream().map(item -> WatchlistJson.write(watchlist, item)).toList()));
    }

    private void item(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        Watchlist watchlist = watchlists.get(workspace, ctx.pathParam("alias"));
        ctx.json(WatchlistJson.write(watchlist, watchlists.item(workspace, watchlist.alias(), ctx.pathParam("itemId"))));
    }

    private void saveItem(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        Watchlist watchlist = watchlists.get(workspace, ctx.pathParam("alias"));
        String itemId = ctx.pathParam("itemId");
        boolean created = watchlists.putItem(workspace, watchlist.alias(), itemId, WatchlistJson.readItem(body(ctx), watchlist),
                Caller.of(ctx).principal().id());
        AuditNotes.put(ctx, "watchlist", watchlist.alias());
        ctx.status(created ? 201 : 200).json(WatchlistJson.write(watchlist, watchlists.item(workspace, watchlist.alias(), itemId)));
    }

    private void deleteItem(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        watchlists.deleteItem(workspace, ctx.pathParam("alias"), ctx.pathParam("itemId"), Caller.of(ctx).principal().id());
        AuditNotes.put(ctx, "watchlist", ctx.pathParam("alias"));
        ctx.status(200);
    }

    private JsonNode body(Context ctx) throws JsonProcessingException {
        // malformed JSON goes to the error mapping, which reports its position
        return ctx.body().isBlank() ? null : json.readTree(ctx.body());
    }
}
