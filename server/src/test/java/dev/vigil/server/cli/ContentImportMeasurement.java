package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Imports 500 rule files through {@code vigil content import} against a running server and
 * checks that it takes under 10 seconds. A measurement, so it runs only when asked:
 * {@code mvn -B -pl server -am test -Dtest=ContentImportMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dvigil.measure=true}.
 */
@EnabledIfSystemProperty(named = "vigil.measure", matches = "true")
class ContentImportMeasurement {
    private static final int RULES = 500;

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @TempDir
    Path folder;

    @Test
    void fiveHundredRuleFilesImportInUnderTenSeconds() throws Exception {
        for (int i = 0; i < RULES; i++) {
            Files.writeString(folder.resolve("rule-" + i + ".yaml"), """
                    id: %s
                    name: Password guessing %d
                    description: Failed passwords above %d on one host.
                    severity: Medium
                    queryFrequency: 1h
                    queryPeriod: 1d
                    triggerOperator: gt
                    triggerThreshold: 0
                    tactics:
                      - CredentialAccess
                    relevantTechniques:
                      - T1110
                    query: |
                      Syslog
                      | where SyslogMessage has "Failed password"
                      | summarize Failures = count() by Computer
                      | where Failures > %d
                    entityMappings:
                      - entityType: Host
                        fieldMappings:
                          - identifier: HostName
                            columnName: Computer
                    kind: Scheduled
                    version: 1.0.0
                    """.formatted(UUID.nameUUIDFromBytes(("rule-" + i).getBytes()), i, i, i));
        }
        StringWriter out = new StringWriter();
        CommandLine command = VigilCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));

        long started = System.nanoTime();
        int exit = command.execute("content", "import", "--server", "http://127.0.0.1:" + server.server().port(), "--api-key", server.apiKey(),
                folder.toString());
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("imported %d rule files in %.2f s%n", RULES, seconds);
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).endsWith(RULES + " imported\n");
        assertThat(seconds).isLessThan(10);
    }
}
