package dev.vigil.server.console.hunting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.content.ContentFixtures;
import dev.vigil.server.console.ConsoleAccessibility;
import dev.vigil.server.console.ConsoleBrowser;
import dev.vigil.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Content hub and Hunting in a browser, as an analyst walks them: a pack installed from the
 * server's pack folder and from a folder chosen on this computer, each item answered; a hunting
 * query run, a result row bookmarked and the bookmark attached to an incident. A Reader sees what
 * needs more disabled, with the reason.
 */
class TestHuntingAndContentWalk {
    private static final String PASSWORD = "hunting-walk-password";
    private static final String CONTENT = "/console/workspaces/default/content";
    private static final String HUNTING = "/console/workspaces/default/hunting";
    private static final String LOGIC_APP = "{\"resources\":[{\"type\":\"Microsoft.Logic/workflows\",\"name\":\"Block-SshSource\",\"properties\":{}}]}";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server);

    @TempDir
    static Path uploads;

    private static long incidentNumber;

    @BeforeAll
    static void setUp() throws IOException {
        server.createUser("owner", PASSWORD);
        server.grant("owner", "Owner", "/");
        server.createUser("reader", PASSWORD);
        server.grant("reader", "Reader", "/workspaces/default");
        Path pack = server.dataDirectory().resolve("content").resolve("SshSolution");
        copySolution(pack);
        Files.createDirectories(pack.resolve("Workbooks"));
        Files.writeString(pack.resolve("Workbooks/SshOverview.json"), "{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,"
                + "\"content\":{\"json\":\"## SSH overview\"},\"name\":\"title\"}]}");
        Files.createDirectories(pack.resolve("Playbooks/Block-SshSource"));
        Files.writeString(pack.resolve("Playbooks/Block-SshSource/azuredeploy.json"), LOGIC_APP);
        Instant at = Instant.now().minus(Duration.ofMinutes(10));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String message : List.of("Failed password for root from 10.0.0.9 port 1", "Failed password for root from 10.0.0.9 port 2",
                "Failed password for bob from 10.0.0.8 port 3")) {
            rows.add(Map.of("TimeGenerated", at.toString(), "Computer", message.contains("bob") ? "web-2" : "web-1", "ProcessName", "sshd",
                    "SyslogMessage", message));
        }
        HttpResponse<String> written = server.postJson("/api/workspaces/default/tables/Syslog/rows", rows);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        HttpResponse<String> incident = server.postJson("/api/workspaces/default/incidents", Map.of("properties", Map.of("title", "SSH guessing",
                "severity", "Medium")));
        assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);
        incidentNumber = RunningServer.json(incident).path("properties").path("incidentNumber").asLong();
    }

    private static void copySolution(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(ContentFixtures.solution())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(ContentFixtures.solution().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    @AfterEach
    void signOut() {
        browser.signOutIfSignedIn();
    }

    /** Each item of the installation as {@code file | kind | status}. */
    private static List<String> outcomes() {
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.findAll("[data-testid=install-outcomes] tbody tr")) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            rows.add(cells.get(0).getText() + " | " + cells.get(1).getText() + " | " + cells.get(3).getText());
        }
        return rows;
    }

    @Test
    void testAPackInstallsFromTheServerAndARowIsBookmarkedAndAttachedToAnIncident() {
        browser.signIn("owner", PASSWORD);
        browser.open(CONTENT);
        browser.screenshot("content-hub");
        assertThat(browser.find("[data-testid=pack-folder]").getText()).endsWith("content");

        browser.find("[data-testid=server-packs] tr[data-pack=SshSolution] button").click();
        browser.waitUntilText("[data-testid=install-summary]", "SshSolution");

        browser.screenshot("content-hub-installed");
        // the other tests of the class may have brought the rules and the hunting query in already: those are unchanged then
        List<String> outcomes = outcomes();
        assertThat(outcomes).contains("Workbooks/SshOverview.json | Workbook | Imported", "Playbooks/Block-SshSource/azuredeploy.json | Playbook | Refused");
        for (String item : List.of("Parsers/SshAuthentication.yaml | Parser", "Analytic Rules/SshPasswordGuessing.yaml | Analytics rule",
                "Hunting Queries/SshLogonsAfterFailures.yaml | Hunting query")) {
            assertThat(outcomes).anySatisfy(row -> assertThat(row).isIn(item + " | Imported", item + " | Unchanged"));
        }
        assertThat(browser.find("[data-testid=install-outcomes] tr[data-status=Refused]").getText()).contains("UnsupportedFormat", "Logic App");
        assertThat(browser.find("[data-testid=install-needs]").getText()).contains("Syslog (3 rows)", "SyslogAma");
        assertThat(ConsoleAccessibility.problems(browser)).isEmpty();
        browser.assertNoConsoleErrors();

        browser.open(HUNTING);
        WebElement query = browser.find("[data-testid=hunting-queries] tr[data-query='5d1c9a7e-8b3f-4e26-a0d4-7c9e2b1f6a35']");
        assertThat(query.getText()).contains("SSH failures by source address", "CredentialAccess", "T1110", "Syslog");
        new Select(browser.find("[data-testid=hunting-range]")).selectByVisibleText("Last hour");
        query.findElement(By.cssSelector("[data-testid=run-query]")).click();
        browser.waitUntilText("[data-testid=hunting-summary]", "SSH failures by source address");
        browser.screenshot("hunting-results");
        List<WebElement> resultRows = browser.findAll("[data-testid=hunting-rows] tbody tr");
        assertThat(resultRows).hasSize(2);
        WebElement web1 = resultRows.stream().filter(row -> row.getText().contains("web-1")).findFirst().orElseThrow();
        assertThat(web1.getText()).contains("10.0.0.9");

        web1.findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.find("#bookmark-name").sendKeys("Guessing on web-1");
        browser.find("#bookmark-labels").sendKeys("ssh, escalate");
        browser.clickText("Add bookmark");
        browser.waitUntilText("[data-testid=bookmark-message]", "1 bookmark made.");

        WebElement bookmark = browser.find("[data-testid=bookmarks] tbody tr[data-bookmark]");
        assertThat(bookmark.getText()).contains("Guessing on web-1", "ssh, escalate", "CredentialAccess", "owner");
        bookmark.findElement(By.cssSelector("input[name=incident]")).sendKeys(Long.toString(incidentNumber));
        bookmark.findElement(By.xpath(".//button[normalize-space(.)='Attach to incident']")).click();
        browser.waitUntilText("[data-testid=bookmark-message]", "Bookmark attached to incident #" + incidentNumber + ".");

        browser.screenshot("hunting-bookmark-attached");
        assertThat(browser.find("[data-testid=bookmark-incident]").getText()).isEqualTo("#" + incidentNumber + " SSH guessing");
        assertThat(ConsoleAccessibility.problems(browser)).isEmpty();
        browser.assertNoConsoleErrors();
        JsonNode stored = server.query("HuntingBookmark | where BookmarkName == 'Guessing on web-1' | project Entities, Tags, CreatedBy");
        assertThat(stored.path("rows").toString()).contains("web-1", "10.0.0.9", "tactic:CredentialAccess", "owner");
    }

    @Test
    void testTickingEnableInstallsThePacksRulesEnabledAndPlaybooksShowWhatTheyRead() throws IOException {
        Path pack = server.dataDirectory().resolve("content").resolve("Vigil IoT OT");
        try (Stream<Path> files = Files.walk(ContentFixtures.iotOtPack())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = pack.resolve(ContentFixtures.iotOtPack().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        browser.signIn("owner", PASSWORD);
        browser.open(CONTENT);
        assertThat(browser.find("[data-testid=enable-rules]").isSelected()).isFalse();

        browser.find("[data-testid=enable-rules]").click();
        browser.find("[data-testid=server-packs] tr[data-pack='Vigil IoT OT'] button").click();
        browser.waitUntilText("[data-testid=install-summary]", "Vigil IoT OT");

        WebElement playbook = browser.find("[data-testid=install-outcomes] tr[data-file='Playbooks/NoteFailedDeviceLogins.yaml']");
        assertThat(playbook.getText()).contains("SecurityIoTRawEvent");
        JsonNode rules = RunningServer.json(server.get("/api/workspaces/default/alertRules"));
        List<Boolean> enabled = new ArrayList<>();
        rules.path("value").forEach(rule -> {
            if (rule.path("properties").path("displayName").asText().contains("PLC")) {
                enabled.add(rule.path("properties").path("enabled").asBoolean());
            }
        });
        assertThat(enabled).isNotEmpty().containsOnly(true);
        browser.assertNoConsoleErrors();
    }

    @Test
    void testABookmarksPageEditsItsNotesAndLabelsAndAttachesItToAnIncident() {
        HttpResponse<String> created = server.postJson("/api/workspaces/default/bookmarks", Map.of("properties", Map.of("displayName",
                "Odd login on web-3", "query", "Syslog | take 1", "queryResult", Map.of("Computer", "web-3", "SyslogMessage", "Accepted password"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = RunningServer.json(created).path("name").asText();
        browser.signIn("owner", PASSWORD);
        browser.open(HUNTING);

        browser.find("[data-testid=bookmarks] tr[data-bookmark='" + id + "'] [data-testid=bookmark-edit-link]").click();
        browser.waitUntilText("h1", "Odd login on web-3");
        assertThat(browser.find("[data-testid=bookmark-row]").getText()).contains("Computer", "web-3", "Accepted password");
        browser.find("#bookmark-edit-notes").sendKeys("The admin confirmed it was not them.");
        browser.find("#bookmark-edit-labels").sendKeys("escalate, web");
        browser.find("#bookmark-edit-incident").sendKeys(Long.toString(incidentNumber));
        browser.clickText("Save bookmark");
        browser.waitUntilText("[data-testid=bookmark-edit-message]", "Bookmark saved and attached to incident #" + incidentNumber + ".");

        browser.screenshot("hunting-bookmark-edited");
        assertThat(browser.find("[data-testid=bookmark-edit-incident]").getText()).isEqualTo("#" + incidentNumber + " SSH guessing");
        JsonNode stored = RunningServer.json(server.get("/api/workspaces/default/bookmarks/" + id)).path("properties");
        assertThat(stored.path("notes").asText()).isEqualTo("The admin confirmed it was not them.");
        assertThat(stored.path("labels").toString()).isEqualTo("[\"escalate\",\"web\"]");
        assertThat(ConsoleAccessibility.problems(browser)).isEmpty();
        browser.assertNoConsoleErrors();
    }

    @Test
    void testAPackFolderChosenOnThisComputerInstallsUnderItsName() throws IOException {
        Path pack = uploads.resolve("UploadedSsh");
        copySolution(pack);
        browser.signIn("owner", PASSWORD);
        browser.open(CONTENT);

        browser.find("#pack-folder").sendKeys(pack.toString());
        browser.clickText("Install pack");
        browser.waitUntilText("[data-testid=install-summary]", "UploadedSsh");

        // the chosen folder's name leads each file's name and names the pack; the items are named by their paths within it
        List<String> outcomes = outcomes();
        assertThat(outcomes).anySatisfy(row -> assertThat(row).matches("Analytic Rules/SshPasswordGuessing\\.yaml \\| Analytics rule \\| (Imported|Unchanged)"))
                .anySatisfy(row -> assertThat(row).startsWith("Parsers/SshAuthentication.yaml | Parser |"))
                .noneSatisfy(row -> assertThat(row).endsWith("Refused"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void testAReaderRunsQueriesButSeesInstallingBookmarkingAndAttachingDisabledWithTheReason() {
        HttpResponse<String> imported = server.postJson("/api/workspaces/default/alertRules/import",
                Map.of("files", ContentFixtures.files("Hunting Queries")));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        HttpResponse<String> bookmark = server.postJson("/api/workspaces/default/bookmarks", Map.of("properties", Map.of("displayName",
                "kept by the owner", "query", "Syslog | take 1", "queryResult", Map.of("Computer", "web-9"))));
        assertThat(bookmark.statusCode()).as(bookmark.body()).isEqualTo(201);
        browser.signIn("reader", PASSWORD);

        browser.open(CONTENT);
        assertThat(browser.find("[data-testid=server-packs] tr[data-pack=SshSolution] button").isEnabled()).isFalse();
        assertThat(browser.find("[data-testid=content-reason]").getText()).isNotEmpty();

        browser.open(HUNTING);
        // another test may have installed the IoT/OT pack's hunting queries beside it
        browser.find("[data-testid=hunting-queries] tr[data-query='5d1c9a7e-8b3f-4e26-a0d4-7c9e2b1f6a35'] [data-testid=run-query]").click();
        browser.waitUntilText("[data-testid=hunting-summary]", "SSH failures by source address");
        browser.screenshot("hunting-reader");
        assertThat(browser.findAll("[data-testid=hunting-rows] input[type=checkbox]")).isNotEmpty().allSatisfy(box -> assertThat(box.isEnabled()).isFalse());
        assertThat(browser.find("#bookmark-form button[type=submit]").isEnabled()).isFalse();
        assertThat(browser.find("[data-testid=bookmark-reason]").getText()).isNotEmpty();
        assertThat(browser.findAll("[data-testid=bookmarks] button")).isNotEmpty().allSatisfy(button -> assertThat(button.isEnabled()).isFalse());
        assertThat(browser.find("[data-testid=attach-reason]").getText()).isNotEmpty();
        browser.assertNoConsoleErrors();
    }
}
