package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestAdminCommand {
    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int admin(String key, String... args) {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--server", server.uri("/").toString(), "--api-key", key));
        return VigilCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all.toArray(String[]::new));
    }

    private static String keyIn(String output) {
        return output.substring(output.lastIndexOf("vgl_")).trim();
    }

    @Test
    void testAnAdministratorCreatesAUserGrantsARoleAndIssuesAKey() {
        assertThat(admin(server.apiKey(), "user", "create", "carol", "--no-password")).as(err.toString()).isZero();
        assertThat(admin(server.apiKey(), "role", "grant", "--user", "carol", "--role", "Reader", "--scope", "/workspaces/default")).isZero();
        assertThat(admin(server.apiKey(), "key", "create", "--user", "carol", "--expires-in", "P30D")).isZero();
        String carol = keyIn(out.toString());

        assertThat(server.send(server.request("/api/workspaces/default/tables", carol).GET()).statusCode()).isEqualTo(200);
        assertThat(admin(server.apiKey(), "role", "list", "--user", "carol")).isZero();
        assertThat(out.toString()).contains("/workspaces/default").contains("Reader");

        String keyId = carol.substring(4, 20);
        assertThat(admin(server.apiKey(), "key", "revoke", "--user", "carol", keyId)).isZero();
        assertThat(server.send(server.request("/api/workspaces/default/tables", carol).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void testAKeyWithoutTheRoleIsRefusedWithTheRoleNeeded() {
        server.createUser("dave", null);
        String dave = server.issueKey("dave");

        int exit = admin(dave, "user", "create", "eve", "--no-password");

        assertThat(exit).isEqualTo(CommandFailedException.EXIT_REJECTED);
        assertThat(err.toString()).contains("requires Owner on the root scope '/'");
    }

    @Test
    void testAPasswordIsReadFromStandardInput() {
        InputStream originalIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(admin(server.apiKey(), "user", "create", "frank", "--password-stdin")).as(err.toString()).isZero();

            var login = server.send(HttpRequest.newBuilder(server.uri("/api/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("username", "frank", "password", "a long enough password")))));

            assertThat(login.statusCode()).isEqualTo(201);
        } finally {
            System.setIn(originalIn);
        }
    }

    @Test
    void testRecoverIssuesANewAdministratorKeyOffline() {
        assertThat(server.get("/api/me").statusCode()).isEqualTo(200);
        server.stop();

        int exit = VigilCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("admin", "recover", "--data", server.dataDirectory().toString());
        String recovered = keyIn(out.toString());

        assertThat(exit).as(err.toString()).isZero();
        server.restart();
        assertThat(server.send(server.request("/api/users", recovered).GET()).statusCode()).isEqualTo(200);
    }
}
