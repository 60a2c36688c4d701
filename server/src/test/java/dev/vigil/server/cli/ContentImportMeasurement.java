package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Imports 500 content files through {@code vigil content import} against a running server, per
 * format side by side in one run (Sentinel rule YAML, Sigma rules, hunting queries, and the three
 * mixed), each into a workspace of its own, after a warm-up import and twice in alternating order,
 * and checks that each takes under 10 seconds. A
 * measurement, so it runs only when asked:
 * {@code mvn -B -pl server -am test -Dtest=ContentImportMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dvigil.measure=true}.
 */
@EnabledIfSystemProperty(named = "vigil.measure", matches = "true")
class ContentImportMeasurement {
    private static final int FILES = 500;

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @TempDir
    Path folder;

    private static String id(String kind, int i) {
        return UUID.nameUUIDFromBytes((kind + "-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sentinelRule(int i) {
        return """
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
                """.formatted(id("rule", i), i, i, i);
    }

    private static String sigmaRule(int i) {
        return """
                title: Suspicious command %d
                id: %s
                date: 2026-12-01
                tags:
                  - attack.execution
                  - attack.t1059
                logsource:
                  product: windows
                  service: security
                detection:
                  selection:
                    EventID: 4688
                    CommandLine|contains|all:
                      - ' -enc '
                      - 'tool%d'
                  filter:
                    Image|endswith: '\\trusted.exe'
                  condition: selection and not filter
                level: high
                """.formatted(i, id("sigma", i), i);
    }

    private static String huntingQuery(int i) {
        return """
                id: %s
                name: Sources of failed passwords %d
                description: Hosts with more than %d failed passwords in the window.
                tactics:
                  - CredentialAccess
                query: |
                  Syslog
                  | where SyslogMessage has "Failed password"
                  | summarize Failures = count() by Computer
                  | where Failures > %d
                version: 1.0.0
                """.formatted(id("hunt", i), i, i, i);
    }

    private Path write(String name, java.util.function.IntFunction<String> content, String extension) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(name));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(dir.resolve(name + "-" + i + extension), content.apply(i));
        }
        return dir;
    }

    private double importSeconds(String workspace, Path dir) {
        server.createWorkspace(workspace);
        StringWriter out = new StringWriter();
        CommandLine command = VigilCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));
        long started = System.nanoTime();
        int exit = command.execute("content", "import", "--server", "http://127.0.0.1:" + server.server().port(), "--api-key", server.apiKey(),
                "--workspace", workspace, dir.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).endsWith(FILES + " imported\n");
        return seconds;
    }

    @Test
    void fiveHundredContentFilesOfEachFormatImportInUnderTenSeconds() throws IOException {
        Path rules = write("rule", ContentImportMeasurement::sentinelRule, ".yaml");
        Path sigma = write("sigma", ContentImportMeasurement::sigmaRule, ".yml");
        Path hunting = write("hunt", ContentImportMeasurement::huntingQuery, ".yaml");
        Path mixed = Files.createDirectories(folder.resolve("mixed"));
        for (int i = 0; i < FILES; i++) {
            String[] kinds = {"rule", "sigma", "hunt"};
            String kind = kinds[i % 3];
            Path from = folder.resolve(kind).resolve(kind + "-" + i + (kind.equals("sigma") ? ".yml" : ".yaml"));
            Files.copy(from, mixed.resolve(from.getFileName()));
        }

        Map<String, Path> formats = new LinkedHashMap<>();
        formats.put("Sentinel rule YAML", rules);
        formats.put("Sigma", sigma);
        formats.put("hunting queries", hunting);
        formats.put("mixed", mixed);
        importSeconds("warm-up", mixed); // the server's and the CLI's first import pays for class loading and JIT

        // each format twice, in one order and then the reverse, so that no format gains from running later
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(formats.keySet());
        for (int round = 0; round < 2; round++) {
            for (String format : order) {
                seconds.merge(format, importSeconds("m-" + round + "-" + format.replace(' ', '-').toLowerCase(java.util.Locale.ROOT), formats.get(format)) / 2,
                        Double::sum);
            }
            Collections.reverse(order);
        }

        double base = seconds.get("Sentinel rule YAML");
        seconds.forEach((format, time) -> System.out.printf("imported %d files (%s) in %.2f s (mean of 2), %.2fx the Sentinel rule YAML time%n", FILES,
                format, time, time / base));
        assertThat(seconds.values()).allSatisfy(time -> assertThat(time).isLessThan(10));
    }
}
