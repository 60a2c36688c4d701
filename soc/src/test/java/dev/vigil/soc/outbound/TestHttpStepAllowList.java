package dev.vigil.soc.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestHttpStepAllowList {

    @Test
    void testRangesAllowEveryPortAndAnAddressWithAPortOnlyThatPort() throws Exception {
        HttpStepAllowList list = HttpStepAllowList.parse(List.of("10.20.0.0/16", "127.0.0.1:8443", "[::1]:9000"));

        assertThat(list.permits(InetAddress.getByName("10.20.5.6"), 80)).isTrue();
        assertThat(list.permits(InetAddress.getByName("10.21.5.6"), 80)).isFalse();
        assertThat(list.permits(InetAddress.getByName("127.0.0.1"), 8443)).isTrue();
        assertThat(list.permits(InetAddress.getByName("127.0.0.1"), 8444)).isFalse();
        assertThat(list.permits(InetAddress.getByName("::1"), 9000)).isTrue();
        assertThat(HttpStepAllowList.none().permits(InetAddress.getByName("127.0.0.1"), 8443)).isFalse();
    }

    @Test
    void testABadEntryIsRefusedNamingItAndTheOption() {
        assertThatThrownBy(() -> HttpStepAllowList.parse(List.of("127.0.0.1", "intranet.example")))
                .hasMessage("--playbook-http-allow 'intranet.example' is not an IP address, CIDR range, ADDRESS:PORT or [IPv6]:PORT");
        assertThatThrownBy(() -> HttpStepAllowList.parse(List.of("127.0.0.1:70000")))
                .hasMessage("--playbook-http-allow '127.0.0.1:70000' has a port that is not a number from 1 to 65535");
    }
}
