package dev.vigil.workspace.values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * ISO 8601 datetimes as Log Analytics takes and prints them. Datetimes hold Kusto's 100-nanosecond
 * ticks, so parsed values are truncated to the tick.
 */
public final class DatetimeText {
    // Date, 'T' or a space, time with optional seconds and fraction (up to 9 digits), optional offset.
    private static final DateTimeFormatter INPUT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private DatetimeText() {
    }

    /**
     * The instant {@code text} names: a date ({@code 2021-01-20}) or a date and time with or without
     * a fraction, with {@code Z}, an offset, or nothing (meaning UTC).
     */
    public static Optional<Instant> parse(String text) {
        Instant common = parseCommon(text);
        if (common != null) {
            return Optional.of(common);
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                return Optional.of(LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (trimmed.length() > 19 && trimmed.charAt(10) == 'T' && trimmed.endsWith("Z")) {
                // the common shape, e.g. 2021-01-20T10:00:00.123Z: Instant's own parser is several times faster
                try {
                    return Optional.of(toTick(Instant.parse(trimmed)));
                } catch (DateTimeException e) {
                    // not quite that shape; the general parser decides
                }
            }
            var parsed = INPUT.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return Optional.of(toTick(instant));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The common shape alone, {@code 2021-01-20T10:00:00Z} with an optional fraction of 1 to 9
     * digits, read digit by digit: ingestion reads several datetimes per row, and Instant's parser
     * was a third of validation's time. Null for anything else, and for fields out of range
     * (a leap second, hour 24), which the general parser then decides on.
     */
    static Instant parseCommon(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int value = digits(text, 20, length - 1);
            if (value < 0) {
                return null;
            }
            nanos = value;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos - nanos % 100);
    }

    /** The decimal number in {@code text[from, to)}, -1 unless all of them are ASCII digits. */
    private static int digits(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant toTick(Instant instant) {
        return instant.minusNanos(instant.getNano() % 100);
    }

    /** {@code 2021-01-20T10:00:00Z}, with a 7-digit fraction only when it is not zero. */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(28);
        out.append(DateTimeFormatter.ISO_LOCAL_DATE.format(utc.toLocalDate())).append('T');
        appendPadded(out, utc.getHour(), 2).append(':');
        appendPadded(out, utc.getMinute(), 2).append(':');
        appendPadded(out, utc.getSecond(), 2);
        int nanos = utc.getNano();
        if (nanos != 0) {
            appendPadded(out.append('.'), nanos / 100, 7);
        }
        return out.append('Z').toString();
    }

    /** Results hold thousands of datetimes; String.format was most of their encoding time. */
    private static StringBuilder appendPadded(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
