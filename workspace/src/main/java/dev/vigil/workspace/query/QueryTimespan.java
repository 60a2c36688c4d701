package dev.vigil.workspace.query;

import dev.vigil.kql.TimeRange;
import dev.vigil.workspace.api.InvalidTimespanException;
import dev.vigil.workspace.values.DatetimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The query API's {@code timespan}: an ISO 8601 duration ending now ({@code PT1H}, {@code P1D}),
 * an interval ({@code start/end}), or a start and a duration ({@code start/PT1H}).
 */
public final class QueryTimespan {
    private QueryTimespan() {
    }

    /** @throws InvalidTimespanException naming the part that is not understood */
    public static TimeRange parse(String timespan, Instant now) {
        String text = timespan == null ? "" : timespan.trim();
        if (text.isEmpty()) {
            throw new InvalidTimespanException("the timespan is empty; use an ISO 8601 duration such as PT1H or an interval"
                    + " such as 2024-01-01T00:00:00Z/2024-01-02T00:00:00Z");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            Duration duration = duration(text, timespan);
            return range(now.minus(duration), now, timespan);
        }
        String left = text.substring(0, slash).trim();
        String right = text.substring(slash + 1).trim();
        if (isDuration(left)) {
            // duration/end, also ISO 8601
            Instant end = instant(right, timespan);
            return range(end.minus(duration(left, timespan)), end, timespan);
        }
        Instant start = instant(left, timespan);
        if (isDuration(right)) {
            return range(start, start.plus(duration(right, timespan)), timespan);
        }
        return range(start, instant(right, timespan), timespan);
    }

    private static boolean isDuration(String text) {
        return text.toUpperCase(Locale.ROOT).startsWith("P");
    }

    private static TimeRange range(Instant start, Instant end, String timespan) {
        if (end.isBefore(start)) {
            throw new InvalidTimespanException("the timespan '" + timespan + "' ends before it starts");
        }
        return new TimeRange(start, end);
    }

    private static Instant instant(String text, String timespan) {
        return DatetimeText.parse(text).orElseThrow(() -> new InvalidTimespanException(
                "'" + text + "' in the timespan '" + timespan + "' is not an ISO 8601 datetime such as 2024-01-01T00:00:00Z"));
    }

    /** An ISO 8601 duration; days, weeks, months and years count as fixed lengths, as the query API does. */
    private static Duration duration(String text, String timespan) {
        Optional<Duration> parsed = parseDuration(text.toUpperCase(Locale.ROOT));
        Duration duration = parsed.orElseThrow(() -> new InvalidTimespanException(
                "'" + text + "' in the timespan '" + timespan + "' is not an ISO 8601 duration such as PT1H or P7D"));
        if (duration.isNegative()) {
            throw new InvalidTimespanException("the duration '" + text + "' in the timespan '" + timespan + "' is negative");
        }
        return duration;
    }

    private static Optional<Duration> parseDuration(String text) {
        int time = text.indexOf('T');
        String datePart = time < 0 ? text : text.substring(0, time);
        String timePart = time < 0 ? "" : text.substring(time);
        try {
            Duration duration = Duration.ZERO;
            if (datePart.length() > 1) {
                Period period = Period.parse(datePart);
                // Months and years have no fixed length; measure them from the epoch like a calendar-free clock.
                duration = Duration.between(Instant.EPOCH, Instant.EPOCH.atOffset(ZoneOffset.UTC).plus(period).toInstant());
            } else if (!datePart.equals("P")) {
                return Optional.empty();
            }
            if (!timePart.isEmpty()) {
                if (timePart.length() == 1) {
                    return Optional.empty();
                }
                duration = duration.plus(Duration.parse("P" + timePart));
            } else if (datePart.length() == 1) {
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
