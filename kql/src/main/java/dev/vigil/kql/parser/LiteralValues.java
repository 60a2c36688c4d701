package dev.vigil.kql.parser;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text of datetime and timespan literals into values. Empty when the text is malformed. */
final class LiteralValues {
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?)?\\s*(Z|[+-]\\d{2}:\\d{2})?");
    /** Kusto's RFC 822 and RFC 850 forms: {@code Sat, 8 Nov 14 15:05:02 GMT}, {@code Saturday, 08-Nov-14 15:05}. */
    private static final Pattern RFC_DATETIME = Pattern.compile(
            "(?:[A-Za-z]+,\\s*)?(\\d{1,2})[ -]([A-Za-z]{3})[ -](\\d{2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s+GMT)?");
    private static final Pattern GMT_SUFFIX = Pattern.compile("\\s+GMT$");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final Pattern CLOCK_TIMESPAN = Pattern.compile(
            "(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?");
    private static final Pattern UNIT_TIMESPAN = Pattern.compile("(-)?(\\d+(?:\\.\\d*)?|\\.\\d+)([a-z]*)");

    private LiteralValues() {
    }

    /** Kusto also takes a datetime literal's text quoted, as in {@code datetime("2015-01-01")}, which its docs use. */
    private static String unquoted(String text) {
        boolean quoted = text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0);
        return quoted ? text.substring(1, text.length() - 1).trim() : text;
    }

    static Optional<Instant> datetime(String text) {
        String value = unquoted(text.trim());
        Matcher m = DATETIME.matcher(value);
        if (!m.matches()) {
            return otherForms(value);
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9)));
            ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            return Optional.of(local.toInstant(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The other forms Kusto documents: RFC 822 and RFC 850 (a two-digit year is 2000-2049 below 50, else 19xx, as .NET
     * reads it), and the ISO and sortable forms followed by GMT.
     */
    private static Optional<Instant> otherForms(String value) {
        Matcher gmt = GMT_SUFFIX.matcher(value);
        if (gmt.find() && DATETIME.matcher(value.substring(0, gmt.start())).matches()) {
            return datetime(value.substring(0, gmt.start()));
        }
        Matcher m = RFC_DATETIME.matcher(value);
        int month = m.matches() ? MONTHS.indexOf(m.group(2).toLowerCase(java.util.Locale.ROOT)) : -1;
        if (month < 0 || month % 3 != 0) {
            return Optional.empty();
        }
        int twoDigitYear = Integer.parseInt(m.group(3));
        try {
            LocalDateTime local = LocalDateTime.of(twoDigitYear < 50 ? 2000 + twoDigitYear : 1900 + twoDigitYear, month / 3 + 1,
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(local.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Ticks of {@code 1h}, {@code 1.5d}, {@code 01:30:00}, {@code 2.01:00:00.5} or a bare number of days. */
    static Optional<Long> timespanTicks(String text) {
        String trimmed = text.trim();
        Matcher clock = CLOCK_TIMESPAN.matcher(trimmed);
        if (clock.matches()) {
            long days = clock.group(2) == null ? 0 : Long.parseLong(clock.group(2));
            long hours = Long.parseLong(clock.group(3));
            long minutes = Long.parseLong(clock.group(4));
            long seconds = clock.group(5) == null ? 0 : Long.parseLong(clock.group(5));
            long fraction = clock.group(6) == null ? 0 : Long.parseLong((clock.group(6) + "0000000").substring(0, 7));
            if (hours > 23 || minutes > 59 || seconds > 59) {
                return Optional.empty();
            }
            long ticks = days * TimespanUnits.TICKS_PER_DAY + hours * TimespanUnits.TICKS_PER_HOUR
                    + minutes * TimespanUnits.TICKS_PER_MINUTE + seconds * TimespanUnits.TICKS_PER_SECOND + fraction;
            return Optional.of(clock.group(1) == null ? ticks : -ticks);
        }
        Matcher unit = UNIT_TIMESPAN.matcher(trimmed);
        if (!unit.matches()) {
            return Optional.empty();
        }
        Optional<Long> perUnit = unit.group(3).isEmpty() ? Optional.of(TimespanUnits.TICKS_PER_DAY) : TimespanUnits.ticksPer(unit.group(3));
        if (perUnit.isEmpty()) {
            return Optional.empty();
        }
        try {
            long ticks = new BigDecimal(unit.group(2)).multiply(BigDecimal.valueOf(perUnit.get())).longValue();
            return Optional.of(unit.group(1) == null ? ticks : -ticks);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
