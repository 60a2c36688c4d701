package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workspace.api.StorageSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestVigilServer {
    @TempDir
    Path data;

    private ServerSettings settings() {
        return new ServerSettings(StorageSettings.defaults(data.resolve("nested/dir")), "127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY_BYTES);
    }

    private static int listTables(VigilServer server, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/workspaces/default/tables"))
                .header("Authorization", "Bearer " + key).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void testFirstStartCreatesTheDataDirectoryTheDefaultWorkspaceAndOneAdminKey() throws Exception {
        String key;
        try (VigilServer server = VigilServer.start(settings())) {
            key = server.initialAdminKey().orElseThrow();
            assertThat(key).startsWith("vgl_");
            assertThat(server.logStore().workspaces()).contains(VigilServer.DEFAULT_WORKSPACE);
            assertThat(listTables(server, key)).isEqualTo(200);
        }
        assertThat(data.resolve("nested/dir")).isDirectory();

        try (VigilServer restarted = VigilServer.start(settings())) {
            assertThat(restarted.initialAdminKey()).isEmpty();
            assertThat(listTables(restarted, key)).isEqualTo(200);
        }
    }
}
