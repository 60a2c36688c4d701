package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil serve} that cannot start says why: the file or port, and what is wrong with it. */
class TestServeStartupErrors {
    @TempDir
    Path data;

    private final StringWriter err = new StringWriter();

    /** Runs serve, which must fail to start (a start would block until shutdown), and returns its exit code. */
    private int serve(String... options) {
        List<String> args = new ArrayList<>(List.of("serve"));
        args.addAll(List.of(options));
        if (!args.contains("--host")) {
            args.addAll(List.of("--host", "127.0.0.1"));
        }
        for (String option : List.of("--port", "--mqtt-port")) {
            if (!args.contains(option)) {
                args.addAll(List.of(option, "0"));
            }
        }
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> VigilCommand.commandLine()
                .setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new)));
    }

    @Test
    void testADataDirectoryThatIsAFileIsNamed() throws Exception {
        Path file = data.resolve("vigil-data");
        Files.writeString(file, "a file");

        assertThat(serve("--data", file.toString())).isEqualTo(CommandLine.ExitCode.SOFTWARE);

        assertThat(err.toString().trim()).isEqualTo("vigil: could not create the data directory " + file + ": " + file
                + " exists and is not a directory; choose another data directory or fix this one");
    }

    @Test
    void testADataDirectoryThatCannotTakeWritesStopsTheStartNamingTheFile() throws Exception {
        Files.writeString(data.resolve("spool"), "in the way");

        assertThat(serve("--data", data.toString())).isEqualTo(CommandLine.ExitCode.SOFTWARE);

        assertThat(err.toString().trim()).isEqualTo("vigil: the data directory " + data + " cannot take writes: the spool directory"
                + " cannot be written: " + data.resolve("spool") + " exists and is not a directory; make sure the user running Vigil"
                + " may write the directory and its files (vigil.duckdb, vigil.duckdb.wal, spool/) and that the disk has space");
    }

    @Test
    void testADataDirectoryInUseByAnotherServerIsNamed() throws Exception {
        ChildServer other = ChildServer.serve(data);
        try {
            assertThat(serve("--data", data.toString())).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        } finally {
            other.stop();
        }

        assertThat(err.toString().trim())
                .startsWith("vigil: could not open the database " + data.resolve("vigil.duckdb") + ": IO Error: Could not set lock on file")
                .endsWith("; another Vigil server (or a DuckDB client) has this data directory open: stop it, or use another data directory");
    }

    @Test
    void testAnHttpPortInUseIsNamed() throws Exception {
        assertThat(serveOnATakenPort("--port")).isEqualTo("vigil: cannot listen for HTTP on 127.0.0.1:%d: Address already in use");
    }

    @Test
    void testAnAddressOfAnotherMachineIsNamed() {
        // 192.0.2.1 is reserved for documentation: no machine has it, so it cannot be bound
        assertThat(serve("--data", data.toString(), "--host", "192.0.2.1")).isEqualTo(CommandLine.ExitCode.SOFTWARE);

        assertThat(err.toString().trim()).isEqualTo("vigil: cannot listen for HTTP on 192.0.2.1:0: Cannot assign requested address");
    }

    @Test
    void testAnMqttPortInUseIsNamed() throws Exception {
        assertThat(serveOnATakenPort("--mqtt-port")).isEqualTo("vigil: cannot listen for MQTT on 127.0.0.1:%d: Address already in use");
    }

    /** Runs serve with the port option naming a port in use, and returns what it said with the port as {@code %d}. */
    private String serveOnATakenPort(String option) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertThat(serve("--data", data.toString(), option, port)).isEqualTo(CommandLine.ExitCode.SOFTWARE);
            return err.toString().trim().replace(port, "%d");
        }
    }

    @Test
    void testTheCausesOfAFailureAreToldAfterItsMessage() {
        IllegalStateException failure = new IllegalStateException("the MQTT broker did not start",
                new java.io.IOException("could not bind", new java.net.BindException("Address already in use")));

        assertThat(VigilCommand.describe(failure)).isEqualTo("the MQTT broker did not start: could not bind: Address already in use");
        assertThat(VigilCommand.describe(new IllegalStateException("cannot listen: Address already in use",
                new java.net.BindException("Address already in use")))).isEqualTo("cannot listen: Address already in use");
    }

    @Test
    void testAMissingCertificateIsNamed() {
        Path keystore = data.resolve("missing.p12");

        assertThat(serve("--data", data.resolve("d").toString(), "--tls-cert", keystore.toString(), "--mqtt-tls-port", "0"))
                .isEqualTo(CommandLine.ExitCode.SOFTWARE);

        assertThat(err.toString().trim()).isEqualTo("vigil: the TLS certificate " + keystore + " does not exist or is not a file");
    }
}
