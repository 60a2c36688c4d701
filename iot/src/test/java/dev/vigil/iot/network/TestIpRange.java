package dev.vigil.iot.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CIDR containment on whole and partial bytes, both address families. */
class TestIpRange {

    @Test
    void testPrefixesOnWholeAndPartialBytes() {
        assertThat(IpRange.parse("198.51.100.0/24").contains("198.51.100.23")).isTrue();
        assertThat(IpRange.parse("198.51.100.0/24").contains("198.51.101.23")).isFalse();
        assertThat(IpRange.parse("10.0.0.0/7").contains("11.255.0.1")).isTrue();
        assertThat(IpRange.parse("10.0.0.0/7").contains("12.0.0.1")).isFalse();
        assertThat(IpRange.parse("203.0.113.7").contains("203.0.113.7")).isTrue();
        assertThat(IpRange.parse("203.0.113.7").contains("203.0.113.6")).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    }

    @Test
    void testIpv6AndMismatchedFamiliesAndNonAddresses() {
        assertThat(IpRange.parse("2001:db8::/33").contains("2001:db8:7fff::1")).isTrue();
        assertThat(IpRange.parse("2001:db8::/33").contains("2001:db8:8000::1")).isFalse();
        assertThat(IpRange.parse("2001:db8::/32").contains("198.51.100.1")).isFalse();
        assertThat(IpRange.parse("198.51.100.0/24").contains("not-an-address")).isFalse();
    }
}
