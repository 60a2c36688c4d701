package dev.vigil.server.console;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.AccessException;
import dev.vigil.server.console.layout.ErrorPage;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers console routes and answers their failures as pages, not as the API's JSON: a page
 * request gets an error page inside the layout, an htmx request a plain message that the
 * console's script shows in its alert area.
 */
public final class ConsoleRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRouter.class);

    private final RoutesConfig routes;
    private final ConsoleTemplates templates;
    private final dev.vigil.workspace.api.LogStore logStore;
    private final AccessControl access;

    ConsoleRouter(RoutesConfig routes, ConsoleTemplates templates, dev.vigil.workspace.api.LogStore logStore, AccessControl access) {
        this.routes = routes;
        this.templates = templates;
        this.logStore = logStore;
        this.access = access;
    }

    public ConsoleTemplates templates() {
        return templates;
    }

    public void get(String path, ConsolePage page) {
        routes.get(path, wrap(page));
    }

    public void post(String path, ConsolePage page) {
        routes.post(path, wrap(page));
    }

    public void delete(String path, ConsolePage page) {
        routes.delete(path, wrap(page));
    }

    public RoutesConfig routes() {
        return routes;
    }

    /** The request as a {@link ConsoleRequest}, for handlers registered on {@link #routes()} directly (server-sent events). */
    public ConsoleRequest request(Context ctx) {
        return ConsoleRequest.of(ctx, logStore, access);
    }

    private Handler wrap(ConsolePage page) {
        return ctx -> {
            ConsoleRequest request = request(ctx);
            try {
                page.handle(request);
            } catch (ConsolePageException e) {
                fail(request, e.status(), e.title(), e.getMessage());
            } catch (WorkspaceNotFoundException e) {
                fail(request, 404, "Not found", e.getMessage());
            } catch (AccessException e) {
                // pages hide or disable what the user may not do; this is a request made past them
                fail(request, e.status() == 404 ? 404 : 403, "Not allowed", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("console page {} {} failed", ctx.method(), ctx.path(), e);
                fail(request, 500, "Something went wrong", "The server could not show this page: " + e.getMessage());
            }
        };
    }

    private void fail(ConsoleRequest request, int status, String title, String message) {
        Context ctx = request.ctx();
        ctx.status(status);
        if (request.fromHtmx()) {
            ctx.contentType("text/plain; charset=utf-8").result(message);
            return;
        }
        String workspace = request.visibleWorkspaces().contains(pathWorkspace(ctx)) ? pathWorkspace(ctx) : request.firstWorkspace().orElse(null);
        templates.render(ctx, "layout/error.jte", ErrorPage.of(request, workspace, title, message));
    }

    private static String pathWorkspace(Context ctx) {
        return ctx.pathParamMap().getOrDefault("workspace", "");
    }
}
