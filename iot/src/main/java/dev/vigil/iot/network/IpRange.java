package dev.vigil.iot.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IPv4 or IPv6 address range in CIDR notation; a bare address is a range of one. */
public record IpRange(byte[] network, int prefixLength) {

    public static IpRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(
                () -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range"));
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
            }
        }
        return new IpRange(bytes, prefix);
    }

    public boolean contains(String addressText) {
        return literal(addressText.trim()).map(this::contains).orElse(false);
    }

    /** Whether the address's bytes (4 or 16, as {@link InetAddress#getAddress()} gives them) are in the range. */
    public boolean contains(byte[] bytes) {
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int index = 0; index < whole; index++) {
            if (bytes[index] != network[index]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    /**
     * The bytes of an address literal. Only digits, hex letters, dots and colons are passed to
     * {@link InetAddress}, so no name is ever looked up.
     */
    public static Optional<byte[]> literal(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return Optional.empty();
        }
        boolean version4 = text.indexOf(':') < 0;
        if (version4 && (text.split("\\.", -1).length != 4 || !text.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
