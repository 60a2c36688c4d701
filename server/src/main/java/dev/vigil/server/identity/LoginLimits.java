package dev.vigil.server.identity;

/**
 * How many failed logins {@link LoginThrottle} lets through before it refuses more.
 *
 * @param failuresPerAccountAndAddress failures for one account from one address before that pair is locked out
 * @param failuresPerAddress failures from one address, across accounts, before the address is locked out
 * @param failuresPerAccount failures for one account, across addresses, before the account is slowed down
 * @param serverFailureBurst failures across the server that may come at once before every login waits
 * @param serverFailuresPerSecond failures across the server per second, sustained, past the burst
 */
public record LoginLimits(int failuresPerAccountAndAddress, int failuresPerAddress, int failuresPerAccount, int serverFailureBurst,
                          double serverFailuresPerSecond) {

    public LoginLimits {
        if (failuresPerAccountAndAddress < 1 || failuresPerAddress < 1 || failuresPerAccount < 1 || serverFailureBurst < 1) {
            throw new IllegalArgumentException("login failure limits must be at least 1");
        }
        if (!(serverFailuresPerSecond > 0)) {
            throw new IllegalArgumentException("serverFailuresPerSecond must be positive, was " + serverFailuresPerSecond);
        }
    }

    /**
     * 5 per account and address, 20 per address, 50 per account, and 100 at once or 10 a second
     * across the server: an Argon2id verification costs tens of milliseconds and 19 MiB, so the
     * server budget also keeps guessing from starving the node.
     */
    public static LoginLimits defaults() {
        return new LoginLimits(5, 20, 50, 100, 10);
    }
}
