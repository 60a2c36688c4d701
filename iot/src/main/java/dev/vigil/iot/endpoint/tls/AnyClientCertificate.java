package dev.vigil.iot.endpoint.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets any client certificate through the TLS handshake: a device's certificate is judged after
 * the handshake, against its registered thumbprints or its hub's verified CA certificates, where
 * a refusal can name its reason (a handshake failure could not). Clients without one pass too,
 * and authenticate with SAS tokens. Used on a client's side by mistake, it trusts no server: a
 * trust manager refuses by throwing, so every server certificate is refused.
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
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw refusedServer();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw refusedServer();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw refusedServer();
    }

    private static CertificateException refusedServer() {
        return new CertificateException("this trust manager judges device (client) certificates only and trusts no server certificate");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // no list of CAs: a client offers whatever certificate it has
        return new X509Certificate[0];
    }
}
