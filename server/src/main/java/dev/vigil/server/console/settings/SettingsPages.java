package dev.vigil.server.console.settings;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Settings: the user's account and roles, the theme, and (for Owners of {@code /}) who holds which role. */
public final class SettingsPages {
    private final AccessControl access;

    public SettingsPages(ConsoleServices services) {
        this.access = services.access();
    }

    public void register(ConsoleRouter router) {
        router.get(ConsolePaths.WORKSPACE + "/settings", request -> page(router, request));
    }

    private void page(ConsoleRouter router, ConsoleRequest request) {
        Optional<List<SettingsPage.Assignment>> assignments = Optional.empty();
        if (request.user().permit(Scope.ROOT, Role.OWNER).allowed()) {
            assignments = Optional.of(access.assignments().list().stream()
                    .sorted(Comparator.comparing(a -> a.principalId() + " " + a.scope()))
                    .map(a -> new SettingsPage.Assignment(a.principalId(), a.role(), a.scope(), a.createdBy(), DisplayTime.format(a.createdAt())))
                    .toList());
        }
        router.templates().render(request.ctx(), "settings/settings.jte", new SettingsPage(request.shell(Area.SETTINGS, "Settings"),
                request.user().name(), request.user().roleDescriptions(), assignments));
    }
}
