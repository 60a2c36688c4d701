package dev.vigil.iot.auth.x509;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** IoT Hub's thumbprints of a certificate (digest of its DER form, upper-case hex) and its subject's CN. */
public final class CertificateThumbprints {
    private CertificateThumbprints() {
    }

    public static String sha1(X509Certificate certificate) {
        return digest(certificate, "SHA-1");
    }

    public static String sha256(X509Certificate certificate) {
        return digest(certificate, "SHA-256");
    }

    /** The subject's common name, or "" when it has none. */
    public static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return "";
        } catch (InvalidNameException e) {
            return "";
        }
    }

    private static String digest(X509Certificate certificate, String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded())).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
