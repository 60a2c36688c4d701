package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.api.content.ContentFixtures;
import dev.vigil.server.testing.RunningServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestContentInstallCommand {
    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int install(Path pack) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine command = VigilCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute("content", "install", "--server", "http://127.0.0.1:" + server.server().port(), "--api-key", server.apiKey(),
                pack.toString());
    }

    /** The test solution with a workbook, a playbook and a playbook's read-me beside its rules, hunting query and parser. */
    private Path sshPack() throws IOException {
        Path pack = folder.resolve("SshSolution");
        try (Stream<Path> files = Files.walk(ContentFixtures.solution())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = pack.resolve(ContentFixtures.solution().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Files.createDirectories(pack.resolve("Workbooks"));
        Files.writeString(pack.resolve("Workbooks/SshOverview.json"), "{\"version\":\"Notebook/1.0\",\"items\":[]}");
        Files.createDirectories(pack.resolve("Playbooks/note-ssh"));
        Files.writeString(pack.resolve("Playbooks/note-ssh/note-ssh.yaml"), "description: Notes SSH incidents\ntriggers: [{kind: incident}]\n"
                + "steps:\n  - id: note\n    type: addComment\n    message: \"SSH incident {{ IncidentNumber }}\"\n");
        Files.writeString(pack.resolve("Playbooks/note-ssh/readme.md"), "# Notes SSH incidents");
        return pack;
    }

    @Test
    void testASolutionFolderInstallsInOneStepWithItsWorkbookAndPlaybook() throws IOException {
        int exit = install(sshPack());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).startsWith("Pack SshSolution\n")
                .containsPattern("Imported +Function +Parsers/SshAuthentication\\.yaml +_Im_Authentication_Ssh +Syslog")
                .containsPattern("Imported +HuntingQuery +Hunting Queries/SshLogonsAfterFailures\\.yaml +SSH failures by source address +Syslog")
                .containsPattern("Imported +Workbook +Workbooks/SshOverview\\.json +SshOverview")
                .containsPattern("Imported +Playbook +Playbooks/note-ssh/note-ssh\\.yaml +note-ssh")
                .contains("Tables needed: SecurityEvent (no rows yet), Syslog (no rows yet)\n")
                .contains("Connectors named: SecurityEvents, SyslogAma\n")
                .endsWith("9 imported\n");
    }

    @Test
    void testInstallingTwiceChangesNothing() throws IOException {
        Path pack = sshPack();
        install(pack);

        int exit = install(pack);

        assertThat(exit).isZero();
        assertThat(out.toString()).endsWith("9 unchanged\n");
    }

    @Test
    void testTheIotOtPackInstallsWithoutRefusals() {
        int exit = install(ContentFixtures.iotOtPack());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).startsWith("Pack Vigil IoT OT\n")
                .contains("Tables needed: SecurityAlert (no rows yet), SecurityIoTRawEvent (no rows yet)\n")
                .containsPattern("Imported +HuntingQuery +Hunting Queries/FailedDeviceLoginsBySource\\.yaml")
                .containsPattern("Imported +Playbook +Playbooks/NoteFailedDeviceLogins\\.yaml")
                .endsWith("20 imported\n");
    }

    @Test
    void testAFileIsNotAPack() throws IOException {
        Path file = Files.writeString(folder.resolve("rule.yaml"), "id: x\n");

        assertThat(install(file)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: there is no folder");
    }
}
