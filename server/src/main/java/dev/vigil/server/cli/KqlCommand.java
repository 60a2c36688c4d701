package dev.vigil.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil kql ...}: tools for writing KQL; {@code explain} for now. */
@Command(name = "kql", mixinStandardHelpOptions = true,
        description = "KQL tools that work against a running Vigil server.",
        subcommands = KqlExplainCommand.class)
final class KqlCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
