package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.testing.RunningServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Logs page's schema pane and the editor's catalog with the standard Log Analytics tables in
 * every workspace: the pane stays light, the completion keeps every column.
 */
class TestSchemaPane {
    private static final String PASSWORD = "schema-pane-passphrase";

    @TempDir
    Path data;

    @Test
    void testEmptyStandardTablesAreListedByNameInAClosedGroupWhileTheCatalogKeepsTheirColumns() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            server.createUser("rita", PASSWORD);
            server.grant("rita", "Reader", "/workspaces/default");
            ConsoleSession rita = ConsoleSession.signIn(server, "rita", PASSWORD);

            String page = rita.get("/console/workspaces/default/logs").body();
            String catalog = rita.get("/console/workspaces/default/logs/catalog").body();

            String emptyGroup = page.substring(page.indexOf(TableSolutions.EMPTY_STANDARD));
            assertThat(page).contains("<details open>\n          <summary class=\"tree-group\">SecurityInsights");
            assertThat(page).contains("<details>\n          <summary class=\"tree-group\">" + TableSolutions.EMPTY_STANDARD);
            assertThat(emptyGroup).contains("data-insert=\"Syslog\"").doesNotContain("SyslogMessage");
            assertThat(page.indexOf("SecurityInsights")).isLessThan(page.indexOf(TableSolutions.EMPTY_STANDARD));
            assertThat(catalog).contains("\"name\":\"Syslog\"").contains("\"SyslogMessage\"");
        }
    }
}
