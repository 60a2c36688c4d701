package dev.vigil.kql;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one way Vigil writes values into KQL text that it builds itself (incident creation,
 * suppression, detection history, connectors' queries, the plan printer): each value becomes a
 * literal or a name that the parser reads back as exactly that value, whatever characters it holds.
 */
public final class KqlQuoting {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> VALUE_WORDS = Set.of("true", "false");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int NANOS_PER_TICK = 100;
    private static final long TICKS_PER_MICROSECOND = 10;
    private static final long TICKS_PER_MILLISECOND = 10_000;
    private static final long TICKS_PER_SECOND = 10_000_000;
    private static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
    private static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
    private static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;
    /** The first and last instants a {@code datetime(...)} literal can write (the parser reads years 0 to 9999). */
    public static final Instant FIRST_DATETIME = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LAST_DATETIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private KqlQuoting() {
    }

    /**
     * {@code value} as a double-quoted string literal, following Kusto's rules: the backslash
     * escapes the quote, itself, tab, newline and carriage return; other control characters (and
     * the line separators some editors break lines at) become {@code u} escapes of four hex digits.
     */
    public static String stringLiteral(String value) {
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    /**
     * A table or column name: as it is when it is a plain identifier (letters, digits and
     * {@code _}, not starting with a digit), otherwise bracketed ({@code ["my column"]}). The
     * words an expression reads as values ({@code true}, {@code false}) are bracketed too.
     */
    public static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() && !VALUE_WORDS.contains(name) ? name : "[" + stringLiteral(name) + "]";
    }

    /**
     * A {@code datetime(...)} literal, to the 100-nanosecond tick that is KQL's precision.
     *
     * @throws IllegalArgumentException for an instant outside {@link #FIRST_DATETIME} to {@link #LAST_DATETIME}
     */
    public static String datetimeLiteral(Instant instant) {
        if (instant.isBefore(FIRST_DATETIME) || instant.isAfter(LAST_DATETIME)) {
            throw new IllegalArgumentException(instant + " is not a KQL datetime: those are of years 0 to 9999");
        }
        int ticks = instant.getNano() / NANOS_PER_TICK;
        String fraction = ticks == 0 ? "" : "." + String.format("%07d", ticks).replaceFirst("0+$", "");
        return "datetime(" + SECONDS.format(instant) + fraction + "Z)";
    }

    /**
     * A timespan literal of {@code ticks} (100 ns each), in the largest unit that divides it
     * exactly: {@code 1d}, {@code 90m}, {@code 250ms}, {@code 7tick}.
     */
    public static String timespanLiteral(long ticks) {
        if (ticks == 0) {
            return "0s";
        }
        String sign = ticks < 0 ? "-" : "";
        long magnitude = Math.abs(ticks);
        long[] units = {TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND, TICKS_PER_MILLISECOND, TICKS_PER_MICROSECOND};
        String[] suffixes = {"d", "h", "m", "s", "ms", "microsecond"};
        for (int i = 0; i < units.length; i++) {
            if (magnitude % units[i] == 0) {
                return sign + magnitude / units[i] + suffixes[i];
            }
        }
        return sign + magnitude + "tick";
    }
}
