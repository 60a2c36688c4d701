package dev.vigil.iot.endpoint.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets any client certificate through the TLS handshake: a device's certificate is judged after
 * the handshake, against its registered thumbprints or its hub's verified CA certificates, where
 * a refusal can name its reason (a handshake failure could not). Clients without one pass too,
 * and authenticate with SAS tokens. Server certificates are never checked with it.
 */
final class AnyClientCertificate extends X509ExtendedTrustManager {
    static final AnyClientCertificate INSTANCE = new AnyClientCertificate();

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("only for the server side of a handshake");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("only for the server side of a handshake");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("only for the server side of a handshake");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // no list of CAs: a client offers whatever certificate it has
        return new X509Certificate[0];
    }
}
