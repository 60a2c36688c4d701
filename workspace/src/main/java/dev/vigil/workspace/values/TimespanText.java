package dev.vigil.workspace.values;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kusto's timespan text, {@code [-][d.]hh:mm:ss[.fffffff]}, to and from 100-nanosecond ticks.
 */
public final class TimespanText {
    public static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
    private static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
    private static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

    private static final Pattern FORM =
            Pattern.compile("(-)?(?:(\\d{1,8})\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?");

    private TimespanText() {
    }

    /** The ticks of {@code text}, or empty if it is not in the form {@code [-][d.]hh:mm:ss[.fffffff]}. */
    public static Optional<Long> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long hours = Long.parseLong(m.group(3));
        long minutes = Long.parseLong(m.group(4));
        long seconds = Long.parseLong(m.group(5));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return Optional.empty();
        }
        long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        String fraction = m.group(6) == null ? "" : m.group(6);
        long fractionTicks = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 7));
        long ticks = days * TICKS_PER_DAY + hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE
                + seconds * TICKS_PER_SECOND + fractionTicks;
        return Optional.of(m.group(1) == null ? ticks : -ticks);
    }

    /** {@code [-][d.]hh:mm:ss[.fffffff]}, the fraction only when not zero, as Kusto prints it. */
    public static String format(long ticks) {
        StringBuilder out = new StringBuilder();
        // Long.MIN_VALUE cannot be negated; its magnitude is handled through unsigned arithmetic.
        long magnitude = ticks < 0 ? -ticks : ticks;
        if (ticks < 0) {
            out.append('-');
        }
        long days = Long.divideUnsigned(magnitude, TICKS_PER_DAY);
        long rest = Long.remainderUnsigned(magnitude, TICKS_PER_DAY);
        if (days > 0) {
            out.append(Long.toUnsignedString(days)).append('.');
        }
        long hours = rest / TICKS_PER_HOUR;
        rest %= TICKS_PER_HOUR;
        long minutes = rest / TICKS_PER_MINUTE;
        rest %= TICKS_PER_MINUTE;
        long seconds = rest / TICKS_PER_SECOND;
        long fraction = rest % TICKS_PER_SECOND;
        out.append(twoDigits(hours)).append(':').append(twoDigits(minutes)).append(':').append(twoDigits(seconds));
        if (fraction != 0) {
            out.append('.').append(String.format("%07d", fraction));
        }
        return out.toString();
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
