package dev.vigil.server.api.access;

import dev.vigil.iot.network.IpRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reverse proxies whose {@code X-Forwarded-For} Vigil believes, as addresses or CIDR ranges.
 * By default none: the client is the TCP peer, and the header, which anyone can send, is ignored.
 * When the peer is a trusted proxy, the client is the right-most address of the header that is not
 * itself a trusted proxy: each proxy appends the address it was reached from, so everything left of
 * the first untrusted address may have been written by the client. Login throttling, the audit
 * trail's {@code CallerIpAddress} and the device endpoint all see this address.
 */
public record TrustedProxies(List<IpRange> ranges) {
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses addresses and ranges such as {@code 10.0.0.5} or {@code 10.0.0.0/8}; throws naming the first that is neither. */
    public static TrustedProxies parse(List<String> texts) {
        List<IpRange> ranges = new ArrayList<>();
        for (String text : texts) {
            try {
                ranges.add(IpRange.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trusted proxy " + e.getMessage(), e);
            }
        }
        return new TrustedProxies(ranges);
    }

    /**
     * The client's address.
     *
     * @param peer the TCP peer's address, as the HTTP server gives it (IPv6 perhaps in brackets)
     * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order; read only when the peer is a trusted proxy
     */
    public String clientAddress(String peer, Supplier<List<String>> forwardedFor) {
        if (ranges.isEmpty()) {
            // the common case, on every request: no parsing, only IPv6 brackets dropped
            return peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
        }
        String client = bare(peer).orElse(peer);
        if (!isTrusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.get().forEach(header -> hops.addAll(List.of(header.split(","))));
        for (int index = hops.size() - 1; index >= 0; index--) {
            Optional<String> hop = bare(hops.get(index));
            if (hop.isEmpty()) {
                return client; // not an address: the last proxy trusted is all that is known
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** The address of {@code 1.2.3.4}, {@code 1.2.3.4:567}, {@code ::1} or {@code [::1]:567}; empty when it is none of these. */
    private static Optional<String> bare(String text) {
        String trimmed = text.trim();
        String address;
        if (trimmed.startsWith("[")) {
            int end = trimmed.indexOf(']');
            address = end < 0 ? "" : trimmed.substring(1, end);
        } else if (trimmed.indexOf(':') >= 0 && trimmed.indexOf(':') == trimmed.lastIndexOf(':')) {
            address = trimmed.substring(0, trimmed.indexOf(':')); // IPv4 with a port
        } else {
            address = trimmed;
        }
        return IpRange.literal(address).isPresent() ? Optional.of(address) : Optional.empty();
    }
}
