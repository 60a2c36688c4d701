package dev.vigil.server.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** The options of every command that talks to a running server: where it is, which workspace, which key. */
final class ServerConnectionOptions {

    @Option(names = "--server", paramLabel = "URL", description = "The server (default: ${DEFAULT-VALUE}).")
    URI server = URI.create("http://localhost:8080");

    @Option(names = "--workspace", paramLabel = "ID", description = "The workspace (default: ${DEFAULT-VALUE}).")
    String workspace = "default";

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:VIGIL_API_KEY}",
            description = "The API key (default: the environment variable VIGIL_API_KEY).")
    String apiKey;

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    QueryApiClient client() {
        return new QueryApiClient(server, apiKey);
    }
}
