package dev.vigil.server.console.logs;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import java.time.Clock;
import java.util.Optional;

/**
 * The queries the Logs page offers to open again: the user's history ({@code …/logs/history}) and
 * the workspace's saved queries ({@code …/logs/saved}: read by any role, saved and deleted by
 * Contributors), as fragments of the page's menus.
 */
final class QueryLibraryPages {
    private final QueryHistory history;
    private final SavedQueries saved;
    private final Clock clock;

    QueryLibraryPages(QueryHistory history, SavedQueries saved, Clock clock) {
        this.history = history;
        this.saved = saved;
        this.clock = clock;
    }

    void register(ConsoleRouter router, String logsPath) {
        router.get(logsPath + "/history", request -> history(router, request));
        router.get(logsPath + "/saved", request -> savedList(router, request, Optional.empty()));
        router.post(logsPath + "/saved", request -> save(router, request));
        router.delete(logsPath + "/saved", request -> delete(router, request));
    }

    private void history(ConsoleRouter router, ConsoleRequest request) {
        router.templates().render(request.ctx(), "logs/history.jte", history.of(request.workspace(), request.user().name()));
    }

    private void savedList(ConsoleRouter router, ConsoleRequest request, Optional<String> notice) {
        String workspace = request.workspace();
        router.templates().render(request.ctx(), "logs/saved.jte", new SavedQueriesPane(saved.list(workspace),
                request.user().permit(Scope.workspace(workspace), Role.CONTRIBUTOR), LogsPages.href(workspace) + "/saved", notice));
    }

    private void save(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        String name = Optional.ofNullable(request.ctx().formParam("name")).orElse("").strip();
        String query = Optional.ofNullable(request.ctx().formParam("query")).orElse("");
        String timespan = Optional.ofNullable(request.ctx().formParam("timespan")).filter(LogsPages::isTimeRange).orElse(LogsPages.DEFAULT_TIMESPAN);
        Optional<String> problem = saved.problem(workspace, name, query);
        if (problem.isPresent()) {
            throw new ConsolePageException(400, "Not saved", problem.get());
        }
        saved.save(new SavedQuery(workspace, name, query, timespan, request.user().name(), clock.instant()));
        savedList(router, request, Optional.of("Saved '" + name + "'."));
    }

    private void delete(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        String name = Optional.ofNullable(request.ctx().queryParam("name")).orElse("");
        if (!saved.delete(workspace, name)) {
            throw ConsolePageException.notFound("No query is saved as '" + name + "' in workspace '" + workspace + "'.");
        }
        savedList(router, request, Optional.of("Deleted '" + name + "'."));
    }
}
