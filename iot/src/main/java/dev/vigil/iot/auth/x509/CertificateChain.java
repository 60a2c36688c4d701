package dev.vigil.iot.auth.x509;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The checks on a device's certificate chain, leaf first, as a client presented it: whether it is
 * valid now, and whether it leads, signature by signature, to one of the trusted CA certificates.
 */
public final class CertificateChain {
    private CertificateChain() {
    }

    /** What makes the chain invalid at {@code now}, naming the certificate; empty when every certificate in it is valid. */
    public static Optional<String> invalidAt(List<X509Certificate> chain, Date now) {
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity(now);
            } catch (CertificateExpiredException e) {
                return Optional.of("the certificate '" + certificate.getSubjectX500Principal().getName() + "' expired at "
                        + certificate.getNotAfter().toInstant());
            } catch (CertificateNotYetValidException e) {
                return Optional.of("the certificate '" + certificate.getSubjectX500Principal().getName() + "' is valid only from "
                        + certificate.getNotBefore().toInstant());
            }
        }
        return Optional.empty();
    }

    /** Whether the leaf is signed by a trusted CA, directly or through the chain's intermediates (each a CA). */
    public static boolean leadsTo(List<X509Certificate> chain, List<X509Certificate> trusted) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate current = chain.get(i);
            for (X509Certificate ca : trusted) {
                if (signedBy(current, ca)) {
                    return true;
                }
            }
            boolean nextSigns = i + 1 < chain.size() && chain.get(i + 1).getBasicConstraints() >= 0 && signedBy(current, chain.get(i + 1));
            if (!nextSigns) {
                return false;
            }
        }
        return false;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
