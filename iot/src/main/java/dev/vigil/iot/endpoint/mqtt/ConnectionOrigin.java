package dev.vigil.iot.endpoint.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Where a connection comes from: the peer's address for logs and refusals, and the certificate
 * chain the client presented in its TLS handshake (empty when none, or on plaintext).
 */
record ConnectionOrigin(String peer, List<X509Certificate> clientCertificates) {
    /** Set on connections bridged from another transport (MQTT over WebSockets), whose TLS ended elsewhere. */
    static final AttributeKey<ConnectionOrigin> ATTRIBUTE = AttributeKey.valueOf("vigil.origin");

    ConnectionOrigin {
        clientCertificates = List.copyOf(clientCertificates);
    }

    static ConnectionOrigin of(Channel channel) {
        ConnectionOrigin bridged = channel.attr(ATTRIBUTE).get();
        if (bridged != null) {
            return bridged;
        }
        String peer = channel.remoteAddress() instanceof InetSocketAddress address
                ? address.getHostString() + ":" + address.getPort() : String.valueOf(channel.remoteAddress());
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return new ConnectionOrigin(peer, List.of());
        }
        try {
            // a client's first bytes can be decoded while the server still finishes the handshake: its session holds the certificate then
            SSLSession handshake = ssl.engine().getHandshakeSession();
            Certificate[] chain = (handshake != null ? handshake : ssl.engine().getSession()).getPeerCertificates();
            return new ConnectionOrigin(peer, Arrays.stream(chain).filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList());
        } catch (SSLPeerUnverifiedException e) {
            return new ConnectionOrigin(peer, List.of());
        }
    }
}
