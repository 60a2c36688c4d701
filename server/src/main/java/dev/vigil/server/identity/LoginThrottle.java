package dev.vigil.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failed logins are counted per account and per source address;
 * past a threshold each further failure locks that account or address out for a window that
 * doubles every time, up to {@link #MAX_LOCKOUT}. While locked, logins are refused with 429
 * without looking at the password. Counts are forgotten {@link #FORGET_AFTER} after the last
 * failure; a successful login clears its account's count (not its address's, so that one valid
 * account cannot be used to keep guessing others).
 */
public final class LoginThrottle {
    public static final int ACCOUNT_FAILURES_ALLOWED = 5;
    public static final int ADDRESS_FAILURES_ALLOWED = 20;
    public static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    public static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lastFailure, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws {@link LoginThrottledException} if the account or the address is locked out now. */
    public void checkAllowed(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(byAccount.get(account), now), remaining(byAddress.get(address), now));
        if (!wait.isZero()) {
            throw new LoginThrottledException("Too many failed logins for this account or from this address; try again in "
                    + Math.max(1, (wait.toMillis() + 999) / 1000) + " seconds.", wait);
        }
    }

    public void recordFailure(String account, String address) {
        Instant now = clock.instant();
        if (byAccount.size() + byAddress.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        byAccount.compute(account, (k, failures) -> next(failures, now, ACCOUNT_FAILURES_ALLOWED));
        byAddress.compute(address, (k, failures) -> next(failures, now, ADDRESS_FAILURES_ALLOWED));
    }

    public void recordSuccess(String account) {
        byAccount.remove(account);
    }

    private static Failures next(Failures previous, Instant now, int allowed) {
        int count = previous == null || previous.lastFailure().plus(FORGET_AFTER).isBefore(now) ? 1 : previous.count() + 1;
        Instant lockedUntil = count < allowed ? now : now.plus(lockout(count - allowed));
        return new Failures(count, now, lockedUntil);
    }

    /** 30 s after the threshold is reached, then 60 s, 120 s, ... up to 15 minutes. */
    private static Duration lockout(int beyondThreshold) {
        int doublings = Math.min(beyondThreshold, 10);
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout;
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || !failures.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void forgetOld(Instant now) {
        byAccount.values().removeIf(f -> f.lastFailure().plus(FORGET_AFTER).isBefore(now) && !f.lockedUntil().isAfter(now));
        byAddress.values().removeIf(f -> f.lastFailure().plus(FORGET_AFTER).isBefore(now) && !f.lockedUntil().isAfter(now));
    }
}
