package dev.vigil.soc.workbook.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.kql.KqlQuoting;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.workspace.api.QueryLiterals;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The value of a time range parameter: the last {@code duration} up to now, or a fixed interval.
 * Its forms are those workbooks substitute: {@code {TimeRange}} (in a query, {@code > ago(1d)}; in
 * text, the label), {@code :start}, {@code :end}, {@code :grain}, {@code :value}, {@code :query}, {@code :label}.
 */
public record TimeRangeValue(Optional<Duration> duration, Optional<Instant> from, Optional<Instant> to) {
    /** The steps {@code :grain} chooses from: the smallest that cuts the range into at most {@value #MAX_BINS} bins. */
    private static final List<Duration> GRAINS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));
    private static final int MAX_BINS = 50;

    public static TimeRangeValue last(Duration duration) {
        return new TimeRangeValue(Optional.of(duration), Optional.empty(), Optional.empty());
    }

    /**
     * Reads a value as workbooks write it ({@code {"durationMs": 86400000}}, or with {@code startTime}
     * and {@code endTime}) or as a caller may give it: milliseconds, an ISO 8601 duration ({@code P7D})
     * or interval ({@code 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z}).
     *
     * @param path where the value was, for the error
     */
    public static TimeRangeValue read(JsonNode value, String path) {
        try {
            if (value.isNumber()) {
                return positive(Duration.ofMillis(value.asLong()), path);
            }
            if (value.isObject()) {
                if (value.hasNonNull("startTime") && value.hasNonNull("endTime")) {
                    return between(Instant.parse(value.path("startTime").asText()), Instant.parse(value.path("endTime").asText()), path);
                }
                if (value.path("durationMs").canConvertToLong()) {
                    return positive(Duration.ofMillis(value.path("durationMs").asLong()), path);
                }
            }
            if (value.isTextual()) {
                String text = value.asText().strip();
                if (text.contains("/")) {
                    String[] ends = text.split("/", 2);
                    return between(Instant.parse(ends[0]), Instant.parse(ends[1]), path);
                }
                if (text.matches("\\d+")) {
                    return positive(Duration.ofMillis(Long.parseLong(text)), path);
                }
                return positive(Duration.parse(text), path);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new InvalidWorkbookException(path, "a time range is milliseconds, {\"durationMs\": n}, an ISO 8601 duration such as P7D, or an"
                + " interval such as 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z; was " + value);
    }

    private static TimeRangeValue positive(Duration duration, String path) {
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidWorkbookException(path, "a time range must be longer than zero; was " + duration);
        }
        return last(duration);
    }

    private static TimeRangeValue between(Instant from, Instant to, String path) {
        if (!to.isAfter(from)) {
            throw new InvalidWorkbookException(path, "a time range must end after it starts; was " + from + " to " + to);
        }
        if (from.isBefore(KqlQuoting.FIRST_DATETIME) || to.isAfter(KqlQuoting.LAST_DATETIME)) {
            throw new InvalidWorkbookException(path, "a time range lies within the years 0 to 9999, as KQL datetimes do; was " + from + " to " + to);
        }
        return new TimeRangeValue(Optional.empty(), Optional.of(from), Optional.of(to));
    }

    public Instant start(Instant now) {
        return from.orElseGet(() -> now.minus(duration.orElseThrow()));
    }

    public Instant end(Instant now) {
        return to.orElse(now);
    }

    public Duration length(Instant now) {
        return Duration.between(start(now), end(now));
    }

    public Duration grain(Instant now) {
        Duration length = length(now);
        return GRAINS.stream().filter(grain -> length.dividedBy(grain) <= MAX_BINS).findFirst().orElse(GRAINS.get(GRAINS.size() - 1));
    }

    /** The filter form: {@code > ago(1d)}, or {@code between (datetime(a) .. datetime(b))}. */
    public String query() {
        return duration.map(length -> "> ago(" + QueryLiterals.timespan(length) + ")")
                .orElseGet(() -> "between (" + QueryLiterals.datetime(from.orElseThrow()) + " .. " + QueryLiterals.datetime(to.orElseThrow()) + ")");
    }

    /** What the query API takes as {@code timespan}. */
    public String timespan() {
        return duration.map(Duration::toString).orElseGet(() -> from.orElseThrow() + "/" + to.orElseThrow());
    }

    /** As people read it: {@code Last 24 hours}, {@code Last 7 days}, or the interval. */
    public String label() {
        if (duration.isEmpty()) {
            return from.orElseThrow() + " - " + to.orElseThrow();
        }
        Duration length = duration.get();
        if (length.toDays() > 0 && length.equals(Duration.ofDays(length.toDays())) && length.toHours() > 48) {
            return "Last " + length.toDays() + " days";
        }
        if (length.toHours() > 0 && length.equals(Duration.ofHours(length.toHours()))) {
            return length.toHours() == 1 ? "Last hour" : "Last " + length.toHours() + " hours";
        }
        if (length.toMinutes() > 0 && length.equals(Duration.ofMinutes(length.toMinutes()))) {
            return length.toMinutes() == 1 ? "Last minute" : "Last " + length.toMinutes() + " minutes";
        }
        return "Last " + QueryLiterals.timespan(length);
    }
}
