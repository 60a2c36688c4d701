package dev.vigil.server.api.query;

import dev.vigil.server.api.InvalidRequestException;
import java.time.Duration;
import java.util.Optional;

/**
 * The timeout a request asks for with {@code Prefer: wait=N} (RFC 7240; seconds, as the Log
 * Analytics API takes it); the server applies at most its maximum, and its default without one.
 */
final class PreferWait {
    static final String HEADER = "Prefer";

    private PreferWait() {
    }

    /** {@code wait=30} among the header's preferences, e.g. {@code Prefer: wait=30, include-statistics=true}. */
    static Optional<Duration> requested(String prefer) {
        if (prefer == null) {
            return Optional.empty();
        }
        for (String preference : prefer.split(",")) {
            String[] nameAndValue = preference.split(";")[0].trim().split("=", 2);
            if (nameAndValue[0].trim().equalsIgnoreCase("wait") && nameAndValue.length == 2) {
                return Optional.of(seconds(nameAndValue[1].trim().replace("\"", "")));
            }
        }
        return Optional.empty();
    }

    private static Duration seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequestException("The Prefer header's wait must be a whole number of seconds, at least 1, e.g. 'Prefer: wait=60'; it was '"
                + value + "'.");
    }
}
