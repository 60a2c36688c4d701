package dev.vigil.soc.playbook.action;

import dev.vigil.iot.network.IpRange;
import dev.vigil.soc.playbook.HttpStepAllowList;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where an {@code http} step may go: every address the host resolves to must be public, or on the
 * {@link HttpStepAllowList}. Checked before the request and before following each redirect, so a
 * public URL cannot bounce a step onto loopback either.
 */
final class HttpDestinations {
    private final HttpStepAllowList allowed;

    HttpDestinations(HttpStepAllowList allowed) {
        this.allowed = allowed;
    }

    /** Throws {@link StepFailedException} naming the address and the setting when the URL's host is, or resolves to, a refused address. */
    void check(URI uri, String shownUrl) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new StepFailedException("'" + shownUrl + "' names no host");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare(host));
        } catch (UnknownHostException e) {
            throw new StepFailedException("the host of '" + shownUrl + "' cannot be resolved: " + host);
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = restricted(address);
            if (kind.isPresent() && !allowed.permits(address, port)) {
                String what = IpRange.literal(bare(host)).isPresent() ? host + " is " + kind.get()
                        : host + " resolves to " + address.getHostAddress() + ", " + kind.get();
                throw new StepFailedException("'" + shownUrl + "' was refused: " + what
                        + "; http steps call such addresses only when the server option " + HttpStepAllowList.OPTION
                        + " lists it (e.g. " + HttpStepAllowList.OPTION + " " + example(address, port) + "), see docs/operations.md");
            }
        }
    }

    /** What kind of non-public address this is, if it is one. */
    static Optional<String> restricted(InetAddress address) {
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

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String example(InetAddress address, int port) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]:" + port : address.getHostAddress() + ":" + port;
    }
}
