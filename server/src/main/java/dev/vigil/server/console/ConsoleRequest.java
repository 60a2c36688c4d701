package dev.vigil.server.console;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.NavItem;
import dev.vigil.server.console.layout.Shell;
import dev.vigil.server.console.layout.WorkspaceLink;
import dev.vigil.workspace.api.LogStore;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in console request: who asks, which workspace the page is about, and the layout
 * around the page. Page handlers start here.
 */
public final class ConsoleRequest {
    private final Context ctx;
    private final ConsoleUser user;
    private final List<String> visibleWorkspaces;

    private ConsoleRequest(Context ctx, ConsoleUser user, List<String> visibleWorkspaces) {
        this.ctx = ctx;
        this.user = user;
        this.visibleWorkspaces = visibleWorkspaces;
    }

    /** The request of a console route, authenticated already by {@link ConsoleAuthentication}. */
    public static ConsoleRequest of(Context ctx, LogStore logStore, AccessControl access) {
        Caller caller = Caller.of(ctx);
        String csrfToken = caller.session() == null ? "" : caller.session().csrfToken();
        ConsoleUser user = new ConsoleUser(caller.principal(), csrfToken, access.assignments());
        List<String> visible = logStore.workspaces().stream().filter(id -> user.canSee(Scope.workspace(id))).sorted().toList();
        return new ConsoleRequest(ctx, user, visible);
    }

    public Context ctx() {
        return ctx;
    }

    public ConsoleUser user() {
        return user;
    }

    public List<String> visibleWorkspaces() {
        return visibleWorkspaces;
    }

    /**
     * The workspace of the path; one the user holds no role on is not found, worded as for one
     * that does not exist (as the API does).
     */
    public String workspace() {
        String workspace = ctx.pathParam("workspace");
        if (!visibleWorkspaces.contains(workspace)) {
            throw ConsolePageException.notFound("There is no workspace '" + workspace + "'.");
        }
        return workspace;
    }

    /** The workspace a page outside any workspace leads to: the first the user may see. */
    public Optional<String> firstWorkspace() {
        return visibleWorkspaces.stream().findFirst();
    }

    /** Whether htmx sent the request, wanting a fragment rather than a page. */
    public boolean fromHtmx() {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** Moves the whole page after a change that leaves it: htmx by {@code HX-Redirect} (the forms post through it), a plain form by a redirect. */
    public void redirect(String location) {
        if (fromHtmx()) {
            ctx.header("HX-Redirect", location);
            ctx.status(204);
        } else {
            ctx.redirect(location);
        }
    }

    /** The layout of a page of this area in the path's workspace. */
    public Shell shell(Area area, String title) {
        return shellIn(workspace(), area, title);
    }

    /** The layout of a page in this workspace; {@code area} is null for a page of no area (an error). */
    public Shell shellIn(String workspace, Area area, String title) {
        List<NavItem> navigation = Arrays.stream(Area.values()).map(a -> new NavItem(a.label(), a.href(workspace), a == area)).toList();
        String prefix = ConsolePaths.workspace(workspace);
        String page = ctx.path().startsWith(prefix) ? ctx.path().substring(prefix.length()) : "";
        List<WorkspaceLink> switcher = visibleWorkspaces.stream()
                .map(id -> new WorkspaceLink(id, ConsolePaths.workspace(id) + areaPath(page), id.equals(workspace))).toList();
        return new Shell(title + " - Vigil", workspace, navigation, switcher, user.name(), user.roleDescriptions(), user.csrfToken(),
                Optional.empty(), List.of());
    }

    /** The area's part of a page path ({@code /connectors/IoT} → {@code /connectors}): the switcher keeps the area, not the item. */
    private static String areaPath(String page) {
        if (page.isEmpty() || page.equals("/")) {
            return "";
        }
        int next = page.indexOf('/', 1);
        return next < 0 ? page : page.substring(0, next);
    }
}
