package dev.vigil.server.api;

import dev.vigil.iot.endpoint.tls.TlsIdentity;
import io.javalin.config.JavalinConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener beside the plaintext one, serving the same application (API, console, the
 * HTTPS device endpoint and MQTT over WebSockets) with the server's certificate. It asks clients
 * for a certificate without requiring one, for devices that authenticate with X.509. Javalin adds
 * its plaintext connector only when none was added, so this adds that one too, first, so that
 * {@code Javalin.port()} stays the plaintext port.
 */
public final class HttpsListener {
    private final TlsIdentity identity;
    private final String host;
    private final int port;
    private final int plainPort;
    private final AtomicReference<ServerConnector> connector = new AtomicReference<>();

    /** @param port the HTTPS port; @param plainPort the plaintext one, both on {@code host} */
    public HttpsListener(TlsIdentity identity, String host, int port, int plainPort) {
        this.identity = identity;
        this.host = host;
        this.port = port;
        this.plainPort = plainPort;
    }

    void addTo(JavalinConfig config) {
        config.jetty.addConnector((server, plain) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(plain));
            connector.setHost(host);
            connector.setPort(plainPort);
            return connector;
        });
        config.jetty.addConnector((server, plain) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(identity.serverContext());
            ssl.setWantClientAuth(true);
            HttpConfiguration https = new HttpConfiguration(plain);
            // devices name their hub's host, which a certificate made for another name need not list: no SNI host check
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector created = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            created.setHost(host);
            created.setPort(port);
            connector.set(created);
            return created;
        });
    }

    /** The port bound, once the server started. */
    public int port() {
        ServerConnector bound = connector.get();
        return bound == null ? -1 : bound.getLocalPort();
    }
}
