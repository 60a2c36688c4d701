package dev.vigil.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil content ...}: Sentinel content for a running server; {@code import} and {@code install}. */
@Command(name = "content", mixinStandardHelpOptions = true,
        description = "Sentinel content (analytic rules, hunting queries, parsers, Sigma rules, content packs) for a running Vigil server.",
        subcommands = {ContentImportCommand.class, ContentInstallCommand.class})
final class ContentCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
