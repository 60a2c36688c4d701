package dev.vigil.server.cli;

import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine.Option;

/** The options of every command that talks to a running server: where it is and which key to use. */
final class ServerConnectionOptions {

    @Option(names = "--server", paramLabel = "URL", description = "The server (default: ${DEFAULT-VALUE}).")
    URI server = URI.create("http://localhost:8080");

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:VIGIL_API_KEY}",
            description = "The API key (default: the environment variable VIGIL_API_KEY).")
    String apiKey;

    private boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** One exchange with the server, answering the command's exit code. */
    @FunctionalInterface
    interface ServerCall {
        int run(ApiClient client) throws CommandFailedException, InterruptedException;
    }

    /**
     * Runs a call against the server with the handling every such command shares: a missing key
     * and a refused or failed call become a message on {@code err} and the matching exit code.
     */
    int call(PrintWriter err, ServerCall call) throws InterruptedException {
        if (!hasApiKey()) {
            err.println("error: no API key; pass --api-key or set VIGIL_API_KEY");
            err.flush();
            return CommandFailedException.EXIT_UNAUTHORIZED;
        }
        try {
            return call.run(new ApiClient(server, apiKey));
        } catch (CommandFailedException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }
}
