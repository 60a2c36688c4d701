package dev.vigil.iot.auth.x509;

import dev.vigil.iot.registry.InvalidResourceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A CA certificate uploaded to a hub ({@code .../IotHubs/{hub}/certificates/{name}}): only a
 * verified one signs device certificates that the hub accepts.
 *
 * @param pem the certificate as uploaded, PEM
 */
public record HubCertificate(String hubName, String name, String pem, boolean verified) {
    public HubCertificate {
        Objects.requireNonNull(hubName, "hubName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pem, "pem");
        parse(pem);
    }

    public X509Certificate certificate() {
        return parse(pem);
    }

    static X509Certificate parse(String pem) {
        String text = pem.contains("-----BEGIN") ? pem : "-----BEGIN CERTIFICATE-----\n" + pem.strip() + "\n-----END CERTIFICATE-----\n";
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new InvalidResourceException("properties.certificate must be an X.509 certificate, PEM or base64 DER: " + e.getMessage());
        }
    }
}
