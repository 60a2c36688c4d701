package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** Starts a server for {@code serve} and {@code demo}, tells the user where it is, and waits for shutdown. */
final class ServerConsole {
    private final VigilServer server;
    private final String url;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ServerConsole(VigilServer server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Starts the server and prints the first-start admin key and the line naming the URL. */
    static ServerConsole start(ServerOptions options, PrintWriter out) {
        var settings = options.toSettings();
        VigilServer server = VigilServer.start(settings);
        String host = switch (settings.host()) {
            case "0.0.0.0", "::", "127.0.0.1" -> "localhost";
            default -> settings.host();
        };
        ServerConsole console = new ServerConsole(server, "http://" + host + ":" + server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(console::stop, "vigil-shutdown"));
        out.println("Data directory: " + settings.storage().dataDirectory());
        server.initialAdminKey().ifPresent(key -> out.println("Admin API key (shown once, store it now): " + key));
        out.println("Vigil listening on " + console.url);
        settings.tls().identity().ifPresent(identity -> {
            if (server.httpsPort() > 0) {
                out.println("HTTPS on https://" + host + ":" + server.httpsPort() + " (MQTT over WebSockets at /$iothub/websocket)");
            }
            if (server.mqttTlsPort() > 0) {
                out.println("MQTT over TLS on port " + server.mqttTlsPort());
            }
            out.println("TLS certificate SHA-256 fingerprint: " + identity.sha256Fingerprint());
        });
        out.flush();
        return console;
    }

    VigilServer server() {
        return server;
    }

    String url() {
        return url;
    }

    /** Blocks until the JVM shuts down (Ctrl-C, SIGTERM) and the server has closed. */
    void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    private void stop() {
        try {
            server.close();
        } finally {
            stopped.countDown();
        }
    }
}
