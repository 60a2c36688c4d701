package dev.vigil.server;

import dev.vigil.server.api.access.TrustedProxies;
import dev.vigil.server.identity.LoginLimits;
import java.util.Objects;

/**
 * Who the server believes its clients are, and how many failed logins it lets them make.
 *
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} names the client; none by default
 * @param loginLimits failed logins allowed per account and address, per address, per account and across the server
 */
public record AccessSettings(TrustedProxies trustedProxies, LoginLimits loginLimits) {

    public AccessSettings {
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(loginLimits, "loginLimits");
    }

    /** No proxy trusted; the default login limits. */
    public static AccessSettings defaults() {
        return new AccessSettings(TrustedProxies.none(), LoginLimits.defaults());
    }
}
