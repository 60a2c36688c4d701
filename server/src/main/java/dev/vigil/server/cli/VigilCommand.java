package dev.vigil.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: {@code serve}, {@code demo}, {@code simulate}, {@code query}, {@code kql explain}, {@code content import}, {@code admin}. */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilVersion.class,
        description = "Self-hosted security operations for IoT and OT fleets.",
        subcommands = {ServeCommand.class, DemoCommand.class, SimulateCommand.class, QueryCommand.class, KqlCommand.class, ContentCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class VigilCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Vigil's error handling; tests run it in process. */
    public static CommandLine commandLine() {
        return new CommandLine(new VigilCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("vigil: " + describe(e));
                    return CommandLine.ExitCode.SOFTWARE;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The message, followed by those of its causes that it does not already tell, so that the cause is always named. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String more = cause.getMessage();
            if (more != null && !more.isBlank() && text.indexOf(more) < 0) {
                text.append(text.charAt(text.length() - 1) == '.' ? " " : ": ").append(more);
            }
        }
        return text.toString();
    }
}
