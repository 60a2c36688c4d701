package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Offline recovery when no administrator key is left: works on the data directory of a stopped server. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Issues a new API key for the user 'admin' and restores its Owner role on '/', on a STOPPED server's data directory.",
                "For when every administrator key is lost. Whoever can run this can read the data directory anyway."})
final class AdminRecoverCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory of the stopped server (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("vigil-data");

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String key = VigilServer.recoverAdministrator(data.toAbsolutePath().normalize());
        spec.commandLine().getOut().println("Admin API key (shown once, store it now): " + key);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
