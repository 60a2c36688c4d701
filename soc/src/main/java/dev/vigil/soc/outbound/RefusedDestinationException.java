package dev.vigil.soc.outbound;

import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A destination that must not be connected to: its host cannot be resolved, or resolves to an
 * address that is neither public nor allowed. It is an {@link UnknownHostException} so that it
 * passes through the HTTP client as the resolution's failure; each caller words it for its user.
 */
public final class RefusedDestinationException extends UnknownHostException {
    private final String host;
    private final transient Optional<HttpStepAllowList.Refusal> refusal;

    RefusedDestinationException(String host, Optional<HttpStepAllowList.Refusal> refusal) {
        super(refusal.map(HttpStepAllowList.Refusal::reason).orElse(host + " cannot be resolved"));
        this.host = host;
        this.refusal = refusal;
    }

    /** The host as the URL names it. */
    public String host() {
        return host;
    }

    /** Why the address was refused and the allow-list entry that would allow it; empty when the host did not resolve. */
    public Optional<HttpStepAllowList.Refusal> refusal() {
        return refusal;
    }
}
