package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import dev.vigil.workspace.api.QueryLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestQueryCommand {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void ingestAlerts() {
        server.writeAsVigil("SecurityAlert", List.of(
                Map.of("AlertName", "Reverse shells", "AlertSeverity", "High"),
                Map.of("AlertName", "Device silent", "AlertSeverity", "Low"),
                Map.of("AlertName", "Disable firewall", "AlertSeverity", "High")));
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
    void testPrintsTheResultAsAnAlignedTable() {
        int exit = vigil("query", "--server", serverUrl(), "--api-key", server.apiKey(),
                "SecurityAlert | summarize count() by AlertSeverity | sort by AlertSeverity asc");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("""
                AlertSeverity  count_
                -------------  ------
                High           2
                Low            1
                (2 rows)
                """);
    }

    @Test
    void testEveryTableOfAForkIsPrintedUnderItsName() {
        int exit = vigil("query", "--server", serverUrl(), "--api-key", server.apiKey(),
                "SecurityAlert | fork Severities = (summarize count() by AlertSeverity | sort by AlertSeverity asc) (where AlertSeverity == 'Low' | project AlertName | as Quiet)");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("""
                Severities:
                AlertSeverity  count_
                -------------  ------
                High           2
                Low            1
                (2 rows)

                Quiet:
                AlertName
                -------------
                Device silent
                (1 row)
                """);
    }

    @Test
    void testAResultCutAtTheServersCapIsPrintedAndSaidToBePartial(@TempDir Path data) {
        try (RunningServer capped = RunningServer.start(data,
                s -> s.withStorage(s.storage().withQueryLimits(QueryLimits.defaults().withResultCap(2, 1_000_000))))) {
            int exit = vigil("query", "--server", "http://127.0.0.1:" + capped.server().port(), "--api-key", capped.apiKey(),
                    "range x from 1 to 5 step 1");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).endsWith("(2 rows)\n");
            assertThat(err.toString()).startsWith("Partial result: Query result set has exceeded the record count limit of 2 rows")
                    .endsWith("[QueryResultTooLarge]\n");
        }
    }

    @Test
    void testBadQueryPrintsLineAndColumnAndExits4() {
        int exit = vigil("query", "--server", serverUrl(), "--api-key", server.apiKey(), "SecurityAlert | where Colour == 1");

        assertThat(exit).isEqualTo(4);
        assertThat(err.toString()).startsWith("error: line 1:23: ").contains("Colour")
                .contains("\n  SecurityAlert | where Colour == 1\n                        ^\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void testWrongKeyExits5() {
        int exit = vigil("query", "--server", serverUrl(), "--api-key", "vgl_0000000000000000_wrong", "SecurityAlert | count");

        assertThat(exit).isEqualTo(5);
        assertThat(err.toString()).contains("Authentication failed");
    }

    @Test
    void testUnreachableServerExits3() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        int exit = vigil("query", "--server", "http://127.0.0.1:" + freePort, "--api-key", server.apiKey(), "SecurityAlert | count");

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach the Vigil server");
    }

    @Test
    void testMissingQueryIsAUsageError() {
        assertThat(vigil("query", "--server", serverUrl())).isEqualTo(2);
        assertThat(err.toString()).contains("KQL");
    }
}
