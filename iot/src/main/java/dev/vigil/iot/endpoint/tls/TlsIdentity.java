package dev.vigil.iot.endpoint.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The server's TLS key and certificate chain, one for every listener (HTTPS, MQTT over TLS, MQTT
 * over WebSockets): a key store holding exactly one private key entry, and its password.
 */
public final class TlsIdentity {
    private final KeyStore keyStore;
    private final char[] password;
    private final String alias;

    public TlsIdentity(KeyStore keyStore, char[] password) {
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
        this.password = password.clone();
        try {
            this.alias = Collections.list(keyStore.aliases()).stream().filter(a -> isKey(keyStore, a)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the key store holds no private key with a certificate"));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key store cannot be read: " + e.getMessage(), e);
        }
    }

    /** A PKCS#12 or JKS key store file (the JDK tells the type from the content). */
    public static TlsIdentity fromKeyStore(Path file, String password) {
        char[] chars = password.toCharArray();
        try {
            return new TlsIdentity(KeyStore.getInstance(file.toFile(), chars), chars);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // IllegalArgumentException: KeyStore.getInstance's answer for a file that is missing or not a file
            throw new IllegalStateException("cannot read the TLS key store " + file + ": " + e.getMessage(), e);
        }
    }

    public KeyManagerFactory keyManagers() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TLS key cannot be used (wrong password?): " + e.getMessage(), e);
        }
    }

    /**
     * The server side of a TLS handshake with this identity: asks for a client certificate but
     * does not require one, and lets any through (see {@link AnyClientCertificate}).
     */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers().getKeyManagers(), new TrustManager[] {AnyClientCertificate.INSTANCE}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The trust manager that takes any client certificate, for TLS stacks that build their own context from parts (Netty). */
    public static X509ExtendedTrustManager anyClientCertificate() {
        return AnyClientCertificate.INSTANCE;
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public char[] password() {
        return password.clone();
    }

    /** The server's own certificate, first in its chain. */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) keyStore.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate's SHA-256 fingerprint as colon-separated hex, as browsers and {@code openssl x509 -fingerprint -sha256} show it. */
    public String sha256Fingerprint() {
        return fingerprint(certificate(), "SHA-256", ":");
    }

    /** A certificate's digest in hex, upper case, bytes joined by the separator ("" gives IoT Hub's thumbprint shape). */
    public static String fingerprint(Certificate certificate, String algorithm, String separator) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(separator).formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
