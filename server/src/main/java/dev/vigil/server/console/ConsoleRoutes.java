package dev.vigil.server.console;

import dev.vigil.server.api.access.RequestAuthentication;
import dev.vigil.server.console.analytics.AnalyticsPages;
import dev.vigil.server.console.automation.AutomationPages;
import dev.vigil.server.console.automation.PlaybookPages;
import dev.vigil.server.console.automation.RuleFormPages;
import dev.vigil.server.console.connectors.ConnectorPages;
import dev.vigil.server.console.content.ContentPages;
import dev.vigil.server.console.home.HomePages;
import dev.vigil.server.console.hunting.HuntingPages;
import dev.vigil.server.console.incidents.IncidentPages;
import dev.vigil.server.console.iot.IotPages;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.logs.LogsPages;
import dev.vigil.server.console.settings.SettingsPages;
import dev.vigil.server.console.signin.SignInPages;
import dev.vigil.server.console.workbooks.WorkbookPages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The web console, served by the server itself under {@value ConsolePaths#ROOT}: its static files
 * and WebJars, its authentication, and every area's pages. {@code /} leads to it.
 */
public final class ConsoleRoutes {
    private final ConsoleServices services;
    private final ConsoleTemplates templates = new ConsoleTemplates();

    public ConsoleRoutes(ConsoleServices services) {
        this.services = services;
    }

    public void configure(JavalinConfig config, RequestAuthentication authentication) {
        config.staticFiles.add(files -> {
            files.hostedPath = ConsolePaths.ASSETS;
            files.directory = "/console/assets";
            files.location = Location.CLASSPATH;
            // not versioned in their paths: the browser checks for a newer file on every use
            files.headers = Map.of("Cache-Control", "no-cache");
        });
        config.staticFiles.enableWebjars();
        ConsoleAuthentication consoleAuthentication = new ConsoleAuthentication(authentication);
        config.routes.before(ctx -> {
            if (ConsolePaths.isConsole(ctx.path())) {
                consoleAuthentication.handle(ctx);
            }
        });
        config.routes.get("/", ctx -> ctx.redirect(ConsolePaths.ROOT));
        new SignInPages(templates).register(config.routes);
        ConsoleRouter router = new ConsoleRouter(config.routes, templates, services.logStore(), services.access());
        // Javalin ignores a trailing slash: this serves /console and /console/
        router.get(ConsolePaths.ROOT, ConsoleRoutes::start);
        new HomePages(services).register(router);
        new ConnectorPages(services).register(router);
        new IotPages(services).register(router);
        new AnalyticsPages(services).register(router);
        new AutomationPages(services).register(router);
        new RuleFormPages(services).register(router);
        new PlaybookPages(services).register(router);
        new LogsPages(services).register(router);
        new IncidentPages(services).register(router);
        new SettingsPages(services).register(router);
        new WorkbookPages(services).register(router);
        new HuntingPages(services).register(router);
        new ContentPages(services).register(router);
    }

    /** The console's start: the home page of the first workspace the user may see. */
    private static void start(ConsoleRequest request) {
        String workspace = request.firstWorkspace().orElseThrow(() -> new ConsolePageException(404, "No workspace",
                "You hold no role on any workspace. Ask an Owner to grant you one (./vigil admin role grant)."));
        request.ctx().redirect(ConsolePaths.workspace(workspace));
    }
}
