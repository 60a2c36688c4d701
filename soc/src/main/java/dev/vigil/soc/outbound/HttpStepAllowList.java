package dev.vigil.soc.outbound;

import dev.vigil.iot.network.IpRange;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The loopback, private and link-local addresses that playbook {@code http} steps may call
 * anyway. By default there are none: a playbook is written by whoever may edit playbooks, and
 * without this an {@code http} step could reach what only the server can reach (its own API on
 * loopback, a metadata service on link-local, the plant network). Public addresses need no entry.
 *
 * <p>The same list decides which such addresses {@code externaldata} in a query may read from: it
 * is the server's one list of internal services that its outgoing HTTP may reach.
 *
 * <p>An entry is an address or CIDR range ({@code 10.20.0.0/16}, {@code fd00::/8}), optionally
 * with one port ({@code 127.0.0.1:8443}, {@code [::1]:8443}) to allow only that service.
 */
public record HttpStepAllowList(List<Entry> entries) {
    /** The server option that sets the list, named in the error of a refused step. */
    public static final String OPTION = "--playbook-http-allow";

    /** One allowed range, for every port or for one. */
    public record Entry(String text, IpRange range, OptionalInt port) {
        boolean permits(InetAddress address, int destinationPort) {
            return range.contains(address.getAddress()) && (port.isEmpty() || port.getAsInt() == destinationPort);
        }
    }

    public HttpStepAllowList {
        entries = List.copyOf(entries);
    }

    /** Nothing private allowed: the safe default. */
    public static HttpStepAllowList none() {
        return new HttpStepAllowList(List.of());
    }

    /** Parses entries; throws {@link IllegalArgumentException} naming the first one that is not an address, range or address with port. */
    public static HttpStepAllowList parse(List<String> texts) {
        List<Entry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(entry(text.strip()));
        }
        return new HttpStepAllowList(entries);
    }

    private static Entry entry(String text) {
        String range = text;
        OptionalInt port = OptionalInt.empty();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0 || !text.substring(end + 1).startsWith(":")) {
                throw invalid(text);
            }
            range = text.substring(1, end);
            port = OptionalInt.of(port(text, text.substring(end + 2)));
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            // one colon: an IPv4 address with a port (an IPv6 address has several)
            range = text.substring(0, text.indexOf(':'));
            port = OptionalInt.of(port(text, text.substring(text.indexOf(':') + 1)));
        }
        try {
            return new Entry(text, IpRange.parse(range), port);
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
    }

    private static int port(String text, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65_535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(OPTION + " '" + text + "' has a port that is not a number from 1 to 65535");
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(OPTION + " '" + text + "' is not an IP address, CIDR range, ADDRESS:PORT or [IPv6]:PORT");
    }

    /** Whether a step may call this address on this port although it is not public. */
    public boolean permits(InetAddress address, int port) {
        return entries.stream().anyMatch(entry -> entry.permits(address, port));
    }

    /**
     * Why a call to {@code host}, resolved to these addresses, on this port must not be made: the
     * first address that is not public and that no entry permits (the reason, and an entry that
     * would permit it).
     */
    public Optional<Refusal> refusal(String host, InetAddress[] addresses, int port) {
        for (InetAddress address : addresses) {
            Optional<String> kind = restricted(address);
            if (kind.isPresent() && !permits(address, port)) {
                String what = IpRange.literal(bare(host)).isPresent() ? host + " is " + kind.get()
                        : host + " resolves to " + address.getHostAddress() + ", " + kind.get();
                return Optional.of(new Refusal(what, example(address, port)));
            }
        }
        return Optional.empty();
    }

    /** The port a call to an http or https URL goes to: the URL's, else the scheme's default. */
    public static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Why a destination was refused, and the entry that would allow it. */
    public record Refusal(String reason, String entry) {
    }

    /** What kind of non-public address this is, if it is one. */
    public static Optional<String> restricted(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC) {
            return Optional.of("a private (unique local) address");
        }
        if (bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    /** A URL's host as a resolver takes it: an IPv6 literal without its brackets. */
    public static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The entry that would permit this address and port, as the option takes it. */
    public static String example(InetAddress address, int port) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]:" + port : address.getHostAddress() + ":" + port;
    }

    /** The entries as given, for the server's start-up line and errors. */
    @Override
    public String toString() {
        return entries.isEmpty() ? "(none)" : entries.stream().map(Entry::text).collect(Collectors.joining(", "));
    }
}
