package dev.vigil.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Vigil server until stopped (Ctrl-C).",
                "On the first start of a data directory it creates the 'default' workspace and prints the admin API key, once."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    private ServerOptions options = new ServerOptions();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerConsole console = ServerConsole.start(options, spec.commandLine().getOut());
        console.awaitShutdown();
        return 0;
    }
}
