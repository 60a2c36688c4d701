package dev.vigil.server.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.api.content.ContentFixtures;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/** Analytics' Import in a browser: rule files chosen from disk, each answered on the page, the rules list refreshed. */
class TestRuleImportPage {
    private static final String PASSWORD = "import-test-password";
    private static final String ANALYTICS = "/console/workspaces/default/analytics";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @TempDir
    static Path folder;

    @BeforeAll
    static void users() {
        server.createUser("owner", PASSWORD);
        server.grant("owner", "Owner", "/");
        server.createUser("reader", PASSWORD);
        server.grant("reader", "Reader", "/workspaces/default");
    }

    @AfterEach
    void signOut() {
        browser.signOutIfSignedIn();
    }

    /** A Sentinel rule, a Sigma rule, a hunting query and a rule file that is refused, as files on disk. */
    private static List<Path> files() throws IOException {
        Path solution = ContentFixtures.solution();
        Path broken = folder.resolve("broken.yaml");
        Files.writeString(broken, """
                id: 6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b
                name: Broken rule
                severity: Low
                kind: NRT
                query: Syslog | where SyslogMessage == == "x"
                """);
        return List.of(solution.resolve("Analytic Rules/SshPasswordGuessing.yaml"), solution.resolveSibling("Sigma/plc_login_failures.yml"),
                solution.resolve("Hunting Queries/SshLogonsAfterFailures.yaml"), broken);
    }

    private static void importFiles(List<Path> files) {
        browser.find("#rule-import > summary").click();
        WebElement input = browser.findVisible("#import-files");
        input.sendKeys(String.join("\n", files.stream().map(Path::toString).toList()));
        browser.find("#import-enabled").click();
        browser.clickText("Import files");
        browser.find("[data-testid=import-summary]");
    }

    private static List<String> outcomes() {
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.findAll("[data-testid=import-outcomes] tbody tr")) {
            List<WebElement> cells = row.findElements(org.openqa.selenium.By.tagName("td"));
            rows.add(cells.get(0).getText() + " | " + cells.get(1).getText() + " | " + cells.get(3).getText());
        }
        return rows;
    }

    @Test
    void testChosenFilesAreImportedEachWithItsOutcomeAndTheRulesListShowsThem() throws IOException {
        browser.signIn("owner", PASSWORD);
        browser.open(ANALYTICS);
        assertThat(browser.find("[data-testid=rule-counts]").getText()).startsWith("0 active rules");

        importFiles(files());

        browser.screenshot("analytics-import-outcome");
        assertThat(outcomes()).containsExactlyInAnyOrder("SshPasswordGuessing.yaml | Rule | Imported", "plc_login_failures.yml | Rule | Imported",
                "SshLogonsAfterFailures.yaml | Hunting query | Imported", "broken.yaml | Rule | Refused");
        assertThat(browser.find("[data-testid=import-outcomes] tr[data-status=Refused]").getText()).contains("KqlError: the query does not compile");
        browser.waitUntilText("[data-testid=rule-counts]", "2 active rules");
        assertThat(browser.find("#active-rules").getText()).contains("SSH password guessing on a host", "Failed logins on an industrial controller");
        assertThat(browser.find("[data-testid=rule-counts]").getText()).contains("2 enabled");
        browser.assertNoConsoleErrors();

        browser.open(ANALYTICS);
        importFiles(files());

        assertThat(browser.find("[data-testid=import-summary]").getText()).isEqualTo("Imported files: 3 unchanged, 1 refused");
    }

    @Test
    void testAReaderSeesTheImportButtonDisabledWithTheReason() {
        browser.signIn("reader", PASSWORD);
        browser.open(ANALYTICS);

        WebElement button = browser.find(".header-actions button[aria-describedby=rules-reason]:last-child");
        assertThat(button.getText()).isEqualTo("Import");
        assertThat(button.isEnabled()).isFalse();
        assertThat(browser.findAll("#rule-import")).isEmpty();
        assertThat(browser.find("#rules-reason").getText()).isNotEmpty();
    }
}
