package dev.vigil.soc.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Where outgoing HTTP may go: every address the host resolves to must be public, or on the
 * {@link HttpStepAllowList}. A request's connection resolves its host through {@link #pinned}, so
 * the addresses checked are the addresses connected to: a name cannot answer a public address to
 * the check and a private one to the connection (DNS rebinding).
 */
public final class HttpDestinations {
    private final HttpStepAllowList allowed;
    private final HostResolver resolver;

    public HttpDestinations(HttpStepAllowList allowed) {
        this(allowed, HostResolver.SYSTEM);
    }

    public HttpDestinations(HttpStepAllowList allowed, HostResolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /**
     * The resolver of one request's connection to {@code uri}: it resolves a host once, checks
     * every address and answers those it checked (the same ones if asked again), or fails with a
     * {@link RefusedDestinationException}.
     */
    public DnsResolver pinned(URI uri) {
        int port = HttpStepAllowList.port(uri);
        Map<String, InetAddress[]> answered = new ConcurrentHashMap<>();
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = answered.get(host);
                if (addresses == null) {
                    addresses = checked(host, port);
                    answered.put(host, addresses);
                }
                return addresses.clone();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    /** The host's addresses, each checked for this port; throws {@link RefusedDestinationException} when one is refused or there are none. */
    public InetAddress[] checked(String host, int port) throws RefusedDestinationException {
        if (host == null || host.isEmpty()) {
            // the system's resolver answers loopback for no name at all
            throw new RefusedDestinationException(String.valueOf(host), Optional.empty());
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(HttpStepAllowList.bare(host));
        } catch (UnknownHostException e) {
            throw new RefusedDestinationException(host, Optional.empty());
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedDestinationException(host, Optional.empty());
        }
        Optional<HttpStepAllowList.Refusal> refusal = allowed.refusal(host, addresses, port);
        if (refusal.isPresent()) {
            throw new RefusedDestinationException(host, refusal);
        }
        return addresses;
    }
}
