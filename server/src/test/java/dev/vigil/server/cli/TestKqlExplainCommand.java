package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class TestKqlExplainCommand {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void saveFunction() {
        HttpResponse<String> saved = server.send(server.request("/api/workspaces/default/functions/HighAlerts")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"body\":\"SecurityAlert | where AlertSeverity == 'High'\"}")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private int vigil(String... args) {
        CommandLine command = VigilCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.server().port();
    }

    @Test
    void testPrintsThePlanWithTypesThenTheSql() {
        int exit = vigil("kql", "explain", "--server", serverUrl(), "--api-key", server.apiKey(),
                "SecurityAlert | summarize n = count() by AlertSeverity");

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).startsWith("Plan:\n#1 Aggregate").contains("n:long").contains("AlertSeverity:string")
                .contains("TableScan SecurityAlert");
        assertThat(printed.substring(printed.indexOf("\nSQL:\n"))).contains("GROUP BY").contains("\"ws_default\".\"SecurityAlert\"");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void testExplainsACallOfAStoredFunction() {
        int exit = vigil("kql", "explain", "--server", serverUrl(), "--api-key", server.apiKey(), "--workspace", "default",
                "HighAlerts | project AlertName");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("AlertSeverity:string").contains("TableScan SecurityAlert");
    }

    @Test
    void testBadQueryPrintsLineAndColumnWithACaretAndExits4() {
        int exit = vigil("kql", "explain", "--server", serverUrl(), "--api-key", server.apiKey(), "SecurityAlert | where Colour == 1");

        assertThat(exit).isEqualTo(4);
        assertThat(err.toString()).startsWith("error: line 1:23: ").contains("Colour")
                .contains("\n  SecurityAlert | where Colour == 1\n                        ^\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void testWrongKeyExits5() {
        int exit = vigil("kql", "explain", "--server", serverUrl(), "--api-key", "vgl_0000000000000000_wrong", "SecurityAlert");

        assertThat(exit).isEqualTo(5);
    }

    @Test
    void testKqlWithoutAVerbListsExplain() {
        assertThat(vigil("kql")).isZero();
        assertThat(out.toString()).contains("explain");
    }
}
