package dev.vigil.server.testing;

import dev.vigil.iot.endpoint.tls.TlsIdentity;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made in the test with BouncyCastle: the server's, CAs and devices' (EC P-256, quick to make). */
public final class TestCertificates {
    private static final char[] PASSWORD = "test-password".toCharArray();

    /** A key and its certificate chain, leaf first. */
    public record Issued(KeyPair keys, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** The key and chain as a server identity. */
        public TlsIdentity identity() {
            return new TlsIdentity(keyStore(), PASSWORD);
        }

        public KeyStore keyStore() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", keys.getPrivate(), PASSWORD, chain.toArray(Certificate[]::new));
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Key (PKCS#8) then chain in PEM, as a certificate file for {@code --tls-cert}. */
        public String pem() {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
                for (X509Certificate certificate : chain) {
                    writer.writeObject(certificate);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        }

        /** IoT Hub's thumbprint: SHA-1 of the certificate, upper-case hex. */
        public String thumbprint() {
            return TlsIdentity.fingerprint(certificate(), "SHA-1", "");
        }
    }

    private TestCertificates() {
    }

    /** The server's certificate for localhost and 127.0.0.1, self-signed. */
    public static Issued server() {
        return issue("CN=localhost", Optional.empty(), false, Instant.now().plus(Duration.ofDays(1)), List.of("localhost", "*.azure-devices.net"));
    }

    public static Issued selfSigned(String commonName) {
        return issue("CN=" + commonName, Optional.empty(), false, Instant.now().plus(Duration.ofDays(1)), List.of());
    }

    public static Issued certificateAuthority(String commonName) {
        return issue("CN=" + commonName, Optional.empty(), true, Instant.now().plus(Duration.ofDays(1)), List.of());
    }

    public static Issued signedBy(Issued issuer, String commonName) {
        return issue("CN=" + commonName, Optional.of(issuer), false, Instant.now().plus(Duration.ofDays(1)), List.of());
    }

    /** A certificate whose validity ended an hour ago. */
    public static Issued expired(String commonName) {
        return issue("CN=" + commonName, Optional.empty(), false, Instant.now().minus(Duration.ofHours(1)), List.of());
    }

    /** A client context that trusts {@code trusted} and, if given, presents {@code client}. */
    public static SSLContext clientContext(Issued trusted, Optional<Issued> client) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", trusted.certificate());
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = null;
            if (client.isPresent()) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(client.get().keyStore(), PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issued issue(String subject, Optional<Issued> issuer, boolean ca, Instant notAfter, List<String> dnsNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name issuerName = issuer.map(i -> X500Name.getInstance(i.certificate().getSubjectX500Principal().getEncoded())).orElse(new X500Name(subject));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, new SecureRandom()),
                    Date.from(Instant.now().minus(Duration.ofDays(2))), Date.from(notAfter), new X500Name(subject), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (!dnsNames.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
                names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.map(i -> i.keys().getPrivate()).orElse(keys.getPrivate()))));
            List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
            issuer.ifPresent(i -> chain.addAll(i.chain()));
            return new Issued(keys, chain);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
