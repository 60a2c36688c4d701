package dev.vigil.server.identity;

import dev.vigil.server.identity.LoginThrottledException.Limit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without handing the guesser a way to lock the real owner out.
 * Failed logins are counted at four levels ({@link LoginLimits} sets how many each allows):
 * <ul>
 * <li>per account and source address: past the limit, that pair is locked out for 30 s, doubling
 *     with each further failure up to 15 minutes. Only that pair: the owner signing in from
 *     another address is not affected;
 * <li>per source address, across accounts (password spraying): past the limit, the address is
 *     locked out the same way;
 * <li>per account, across addresses (a guesser with many addresses): past the limit, each
 *     further failure makes the account wait 1 s, doubling up to 1 minute: slowed, never locked;
 * <li>across the server: a budget of failures refilled at a steady rate; while it is spent,
 *     logins wait for it.
 * </ul>
 * An address the account signed in from successfully in the last 30 days is known for it and
 * passes the last three, so an attack from elsewhere does not keep the owner out. While refused,
 * a login is answered 429 without its password being checked. Counts are forgotten an hour after
 * the last failure; a successful login clears its pair's count.
 */
public final class LoginThrottle {
    public static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    public static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    public static final Duration FIRST_ACCOUNT_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_ACCOUNT_DELAY = Duration.ofMinutes(1);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    public static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);
    /** Beyond this many keys, forgotten ones are dropped; the server budget bounds how fast new ones come. */
    private static final int MAX_TRACKED = 100_000;

    private record AccountAddress(String account, String address) {
    }

    private final Clock clock;
    private final FailureCounts<AccountAddress> byPair;
    private final FailureCounts<String> byAddress;
    private final FailureCounts<String> byAccount;
    private final FailureBudget server;
    private final Map<AccountAddress, Instant> knownAddresses = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, LoginLimits limits) {
        this.clock = clock;
        this.byPair = new FailureCounts<>(limits.failuresPerAccountAndAddress(), FIRST_LOCKOUT, MAX_LOCKOUT, FORGET_AFTER);
        this.byAddress = new FailureCounts<>(limits.failuresPerAddress(), FIRST_LOCKOUT, MAX_LOCKOUT, FORGET_AFTER);
        this.byAccount = new FailureCounts<>(limits.failuresPerAccount(), FIRST_ACCOUNT_DELAY, MAX_ACCOUNT_DELAY, FORGET_AFTER);
        this.server = new FailureBudget(limits.serverFailureBurst(), limits.serverFailuresPerSecond(), clock.instant());
    }

    /** Throws {@link LoginThrottledException} if a login to the account from the address must wait now. */
    public void checkAllowed(String account, String address) {
        Instant now = clock.instant();
        AccountAddress pair = new AccountAddress(account, address);
        refuseIfWaiting(byPair.remaining(pair, now), Limit.ACCOUNT_AND_ADDRESS);
        if (isKnown(pair, now)) {
            return;
        }
        refuseIfWaiting(byAddress.remaining(address, now), Limit.ADDRESS);
        refuseIfWaiting(byAccount.remaining(account, now), Limit.ACCOUNT);
        refuseIfWaiting(server.remaining(now), Limit.SERVER);
    }

    public void recordFailure(String account, String address) {
        Instant now = clock.instant();
        if (byPair.size() + byAddress.size() + byAccount.size() > MAX_TRACKED) {
            byPair.forgetOld(now);
            byAddress.forgetOld(now);
            byAccount.forgetOld(now);
        }
        byPair.recordFailure(new AccountAddress(account, address), now);
        byAddress.recordFailure(address, now);
        byAccount.recordFailure(account, now);
        server.spend(now);
    }

    /** Clears the pair's failures (not the address's nor the account's: others may be guessing) and remembers the address for the account. */
    public void recordSuccess(String account, String address) {
        Instant now = clock.instant();
        AccountAddress pair = new AccountAddress(account, address);
        byPair.clear(pair);
        if (knownAddresses.size() >= MAX_TRACKED) {
            knownAddresses.values().removeIf(since -> !since.plus(KNOWN_ADDRESS_FOR).isAfter(now));
        }
        if (knownAddresses.size() < MAX_TRACKED) {
            knownAddresses.put(pair, now);
        }
    }

    private boolean isKnown(AccountAddress pair, Instant now) {
        Instant lastSuccess = knownAddresses.get(pair);
        return lastSuccess != null && lastSuccess.plus(KNOWN_ADDRESS_FOR).isAfter(now);
    }

    private static void refuseIfWaiting(Duration wait, Limit limit) {
        if (!wait.isZero()) {
            throw new LoginThrottledException(limit, wait);
        }
    }
}
