package dev.vigil.server.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTrustedProxies {
    private static final TrustedProxies PROXIES = TrustedProxies.parse(List.of("10.0.0.0/8", "2001:db8::1"));

    @Test
    void testWithoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.none().clientAddress("10.1.2.3", () -> List.of("203.0.113.7"))).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.none().clientAddress("[0:0:0:0:0:0:0:1]", () -> List.of("203.0.113.7"))).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void testAnUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(PROXIES.clientAddress("198.51.100.4", () -> List.of("203.0.113.7"))).isEqualTo("198.51.100.4");
    }

    @Test
    void testTheClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        assertThat(PROXIES.clientAddress("10.0.0.5", () -> List.of("192.0.2.66, 203.0.113.7, 10.0.0.9"))).isEqualTo("203.0.113.7");
        assertThat(PROXIES.clientAddress("10.0.0.5", () -> List.of("192.0.2.66", "203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void testPortsAndBracketsAreStripped() {
        assertThat(PROXIES.clientAddress("[2001:db8:0:0:0:0:0:1]", () -> List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
        assertThat(PROXIES.clientAddress("10.0.0.5", () -> List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(PROXIES.clientAddress("[::1]", () -> List.of())).isEqualTo("::1");
    }

    @Test
    void testWithoutAUsableHeaderTheLastTrustedProxyIsTheClient() {
        assertThat(PROXIES.clientAddress("10.0.0.5", () -> List.of())).isEqualTo("10.0.0.5");
        assertThat(PROXIES.clientAddress("10.0.0.5", () -> List.of("unknown, 10.0.0.9, not-an-address"))).isEqualTo("10.0.0.5");
        assertThat(PROXIES.clientAddress("10.0.0.5", () -> List.of("10.0.0.7, 10.0.0.9"))).isEqualTo("10.0.0.7");
    }

    @Test
    void testAProxyThatIsNotAnAddressIsRefusedNamingIt() {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.example.com");
    }
}
