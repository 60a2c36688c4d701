package dev.vigil.soc.playbook.action;

import dev.vigil.soc.playbook.HttpStepAllowList;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Where an {@code http} step may go: every address the host resolves to must be public, or on the
 * {@link HttpStepAllowList}. The request's connection resolves its host through {@link #pinned}, so
 * the addresses checked are the addresses connected to: a name cannot answer a public address to
 * the check and a private one to the connection (DNS rebinding). The same holds for each redirect,
 * so a public URL cannot bounce a step onto loopback either.
 */
final class HttpDestinations {
    /** Resolves a host name to its addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final HttpStepAllowList allowed;
    private final HostResolver resolver;

    HttpDestinations(HttpStepAllowList allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    HttpDestinations(HttpStepAllowList allowed, HostResolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /**
     * The resolver of one request's connection to {@code uri}: it resolves the host once, checks
     * every address and answers those it checked, or refuses with a {@link RefusedDestinationException}.
     */
    DnsResolver pinned(URI uri, String shownUrl) {
        int port = HttpStepAllowList.port(uri);
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return checked(host, port, shownUrl);
                } catch (StepFailedException e) {
                    throw new RefusedDestinationException(e);
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    /** A refused destination, passed through the HTTP client as the resolution's failure. */
    static final class RefusedDestinationException extends UnknownHostException {
        private final StepFailedException refusal;

        RefusedDestinationException(StepFailedException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        StepFailedException refusal() {
            return refusal;
        }
    }

    /** The host's addresses, each checked; throws {@link StepFailedException} naming the address and the setting when one is refused. */
    InetAddress[] checked(String host, int port, String shownUrl) {
        if (host == null || host.isEmpty()) {
            throw new StepFailedException("'" + shownUrl + "' names no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(HttpStepAllowList.bare(host));
        } catch (UnknownHostException e) {
            throw new StepFailedException("the host of '" + shownUrl + "' cannot be resolved: " + host);
        }
        allowed.refusal(host, addresses, port).ifPresent(refusal -> {
            throw new StepFailedException("'" + shownUrl + "' was refused: " + refusal.reason()
                    + "; http steps call such addresses only when the server option " + HttpStepAllowList.OPTION
                    + " lists it (e.g. " + HttpStepAllowList.OPTION + " " + refusal.entry() + "), see docs/operations.md");
        });
        return addresses;
    }
}
