package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved queries (per workspace, Reader reads, Contributor saves and deletes, kept across restarts)
 * and the query history (per user, newest first, from LAQueryLogs), over HTTP as the page asks.
 */
class TestSavedQueriesAndHistory {
    private static final String PASSWORD = "saved-queries-passphrase";
    private static final String SAVED = "/console/workspaces/default/logs/saved";
    private static final String HISTORY = "/console/workspaces/default/logs/history";

    @TempDir
    Path data;

    @Test
    void testAContributorSavesAndDeletesWhileAReaderOnlyOpens() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            ConsoleSession carol = user(server, "carol", "Contributor");
            ConsoleSession rita = user(server, "rita", "Reader");

            HttpResponse<String> saved = carol.postForm(SAVED, Map.of("name", "High <alerts>", "query", "SecurityAlert | where AlertSeverity == 'High'",
                    "timespan", "P7D"));
            HttpResponse<String> readersSave = rita.postForm(SAVED, Map.of("name", "mine", "query", "print 1", "timespan", "P1D"));
            String readersList = rita.get(SAVED).body();

            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).contains("Saved 'High &lt;alerts&gt;'.").contains("data-restore-timespan=\"P7D\"");
            assertThat(readersSave.statusCode()).isEqualTo(403);
            assertThat(readersList).contains("High &lt;alerts&gt;").contains("data-restore-query=\"SecurityAlert | where AlertSeverity == &#39;High&#39;\"")
                    .contains("Needs Contributor on workspace 'default'").contains("disabled");
            assertThat(rita.delete(SAVED + "?name=High%20%3Calerts%3E").statusCode()).isEqualTo(403);

            HttpResponse<String> deleted = carol.delete(SAVED + "?name=high%20%3Calerts%3E");

            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(deleted.body()).contains("No saved queries in this workspace yet.");
            assertThat(carol.delete(SAVED + "?name=nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void testSavingWithoutANameIsRefusedWithTheReason() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            ConsoleSession carol = user(server, "carol", "Contributor");

            HttpResponse<String> refused = carol.postForm(SAVED, Map.of("name", " ", "query", "print 1", "timespan", "P1D"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("Give the query a name to save it under.");
        }
    }

    @Test
    void testSavedQueriesOutliveARestart() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            ConsoleSession carol = user(server, "carol", "Contributor");
            assertThat(carol.postForm(SAVED, Map.of("name", "Devices", "query", "SecurityIoTRawEvent | take 5", "timespan", "PT1H")).statusCode())
                    .isEqualTo(200);

            server.restart();

            ConsoleSession again = ConsoleSession.signIn(server, "carol", PASSWORD);
            assertThat(again.get(SAVED).body()).contains("Devices").contains("SecurityIoTRawEvent | take 5").contains("saved by carol");
        }
    }

    @Test
    void testTheHistoryListsTheUsersOwnQueriesNewestFirstEachOnce() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            LogsResults alice = new LogsResults(user(server, "alice", "Reader"), "default");
            LogsResults bob = new LogsResults(user(server, "bob", "Reader"), "default");
            alice.runToEnd("print first = 1", "alice-1");
            alice.runToEnd("print second = 2", "alice-2");
            alice.runToEnd("print first = 1", "alice-3");
            bob.runToEnd("print bobs = 3", "bob-1");

            Eventually.await("every query logged", () -> server.count("LAQueryLogs | where CorrelationId in ('alice-1', 'alice-2', 'alice-3', 'bob-1') | count"),
                    logged -> logged == 4);

            String history = alice.session().get(HISTORY).body();

            assertThat(countOf(history, "data-restore-query")).isEqualTo(2);
            assertThat(history.indexOf("print first = 1")).as("run again last, so first").isLessThan(history.indexOf("print second = 2"));
            assertThat(history).doesNotContain("bobs").contains("1 row");
        }
    }

    private static int countOf(String text, String part) {
        return text.split(part, -1).length - 1;
    }

    private static ConsoleSession user(RunningServer server, String name, String role) {
        server.createUser(name, PASSWORD);
        server.grant(name, role, "/workspaces/default");
        return ConsoleSession.signIn(server, name, PASSWORD);
    }
}
