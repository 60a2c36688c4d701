package dev.vigil.server.console.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Content hub lists the packs of the folder the server is given, and of {@code <data>/content} without one. */
class TestContentPackFolder {
    private static final String PASSWORD = "content-folder-passphrase";
    private static final String HUB = "/console/workspaces/default/content";

    @TempDir
    Path data;

    @TempDir
    Path elsewhere;

    @Test
    void testTheHubListsThePacksOfTheFolderTheServerIsGiven() throws Exception {
        Files.createDirectories(elsewhere.resolve("Plant Pack").resolve("Hunting Queries"));
        Files.createDirectories(data.resolve("content").resolve("Data Folder Pack"));

        try (RunningServer server = RunningServer.start(data, s -> s.withContentPacks(elsewhere))) {
            HttpResponse<String> hub = reader(server).get(HUB);

            assertThat(hub.statusCode()).isEqualTo(200);
            assertThat(hub.body()).contains("data-pack=\"Plant Pack\"").doesNotContain("Data Folder Pack")
                    .contains("data-testid=\"pack-folder\">" + elsewhere);
        }
    }

    @Test
    void testWithoutAFolderTheHubListsTheDataDirectorysContent() throws Exception {
        Files.createDirectories(data.resolve("content").resolve("Data Folder Pack"));

        try (RunningServer server = RunningServer.start(data, s -> s)) {
            HttpResponse<String> hub = reader(server).get(HUB);

            assertThat(hub.body()).contains("data-pack=\"Data Folder Pack\"");
        }
    }

    private static ConsoleSession reader(RunningServer server) {
        server.createUser("carol", PASSWORD);
        server.grant("carol", "Reader", "/workspaces/default");
        return ConsoleSession.signIn(server, "carol", PASSWORD);
    }
}
