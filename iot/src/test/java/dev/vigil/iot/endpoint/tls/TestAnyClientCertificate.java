package dev.vigil.iot.endpoint.tls;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class TestAnyClientCertificate {
    private static final X509Certificate[] CHAIN = new X509Certificate[0];

    @Test
    void testClientCertificatesPassTheHandshakeToBeJudgedAfterIt() {
        assertThatCode(() -> AnyClientCertificate.INSTANCE.checkClientTrusted(CHAIN, "RSA")).doesNotThrowAnyException();
    }

    @Test
    void testUsedOnAClientsSideItTrustsNoServer() {
        assertThatThrownBy(() -> AnyClientCertificate.INSTANCE.checkServerTrusted(CHAIN, "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("trusts no server certificate");
    }
}
