package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.api.content.ContentFixtures;
import dev.vigil.server.testing.RunningServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestContentImportCommand {
    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigil(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine command = VigilCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private int importContent(String path) {
        return vigil("content", "import", "--server", "http://127.0.0.1:" + server.server().port(), "--api-key", server.apiKey(), path);
    }

    @Test
    void aSolutionFolderImportsParsersBeforeTheRulesThatCallThem() {
        int exit = importContent(ContentFixtures.solution().toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).containsPattern("Imported +Parsers/SshAuthentication\\.yaml +_Im_Authentication_Ssh")
                .containsPattern("Imported +Analytic Rules/RootLogonFailures\\.yaml +" + ContentFixtures.PARSER_RULE_ID + " +Failed SSH logons to root")
                .endsWith("7 imported\n");
        assertThat(server.count("_Im_Authentication_Ssh | count")).isZero();
    }

    @Test
    void importingTwiceChangesNothing() {
        importContent(ContentFixtures.solution().toString());

        int exit = importContent(ContentFixtures.solution().toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).endsWith("7 unchanged\n").doesNotContain("Imported");
    }

    @Test
    void refusedFilesAreListedWithTheirReasonAndTheExitCodeSaysSo() throws IOException {
        Files.writeString(folder.resolve("unknown-field.yaml"), """
                id: 0a0b0c0d-1111-4222-8333-444455556666
                name: Odd rule
                severity: Low
                kind: NRT
                query: Syslog | take 1
                playbook: notify-team
                """);
        Files.writeString(folder.resolve("notes.txt"), "not content");

        int exit = importContent(folder.toString());

        assertThat(exit).isEqualTo(CommandFailedException.EXIT_REJECTED);
        assertThat(out.toString()).containsPattern("Refused +unknown-field\\.yaml +0a0b0c0d-1111-4222-8333-444455556666 +Odd rule +UnsupportedField:"
                + " the field 'playbook' is not supported").endsWith("1 refused\n");
    }

    @Test
    void sigmaRulesAreImportedAndWhatDoesNotConvertIsRefusedWithTheReason() throws IOException {
        Path sigma = ContentFixtures.solution().resolveSibling("Sigma");
        for (Path file : List.of(sigma.resolve("ssh_root_password_failures.yml"), sigma.resolve("firewall_allowed_to_shell_ports.yml"))) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        Files.writeString(folder.resolve("macos_launch_agent.yml"), """
                title: Launch agent created
                id: 9b1d3f5a-7c9e-4b2d-8f6a-0c2e4a6b8d1f
                logsource:
                  product: macos
                  category: file_event
                detection:
                  selection:
                    TargetFilename|contains: '/Library/LaunchAgents/'
                  condition: selection
                level: medium
                """);

        int exit = importContent(folder.toString());

        assertThat(exit).isEqualTo(CommandFailedException.EXIT_REJECTED);
        assertThat(out.toString())
                .containsPattern("Imported +ssh_root_password_failures\\.yml +4c2a8e6b-1d3f-4a5c-9e7b-0f2d4a6c8e1a +SSH password failures for root")
                .containsPattern("Imported +firewall_allowed_to_shell_ports\\.yml")
                .containsPattern("Refused +macos_launch_agent\\.yml +9b1d3f5a-7c9e-4b2d-8f6a-0c2e4a6b8d1f +Launch agent created +UnsupportedField: the Sigma"
                        + " rule does not convert: logsource \\{product: macos")
                .endsWith("2 imported, 1 refused\n");
        assertThat(importContent(folder.toString())).isEqualTo(CommandFailedException.EXIT_REJECTED);
        assertThat(out.toString()).endsWith("1 refused, 2 unchanged\n");
    }

    @Test
    void aPathThatDoesNotExistIsAUsageError() {
        int exit = importContent(folder.resolve("missing").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: there is no file or folder");
    }
}
