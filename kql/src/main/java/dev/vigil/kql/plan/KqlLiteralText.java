package dev.vigil.kql.plan;

import dev.vigil.kql.KqlQuoting;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;

/** A constant written back as the KQL literal that means it ({@code "High"}, {@code datetime(...)}, {@code 1h}), for explain output. */
final class KqlLiteralText {
    private static final long TICKS_PER_MICROSECOND = 10;
    private static final long TICKS_PER_MILLISECOND = 10_000;
    private static final long TICKS_PER_SECOND = 10_000_000;
    private static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
    private static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
    private static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

    private KqlLiteralText() {
    }

    static String of(BoundLiteral literal) {
        KqlType type = literal.type();
        if (literal.value().isEmpty()) {
            return type == KqlType.STRING ? KqlQuoting.stringLiteral("") : type.kqlName() + "(null)";
        }
        Object value = literal.value().get();
        return switch (type) {
            case STRING -> KqlQuoting.stringLiteral((String) value);
            case LONG, BOOL -> String.valueOf(value);
            case INT -> "int(" + value + ")";
            case REAL -> real((Double) value);
            case DECIMAL -> "decimal(" + value + ")";
            case DATETIME -> datetime(value);
            case TIMESPAN -> timespan((Long) value);
            case GUID -> "guid(" + value + ")";
            case DYNAMIC -> "dynamic(" + value + ")";
        };
    }

    private static String datetime(Object value) {
        if (value instanceof Instant instant && !instant.isBefore(KqlQuoting.FIRST_DATETIME) && !instant.isAfter(KqlQuoting.LAST_DATETIME)) {
            return KqlQuoting.datetimeLiteral(instant);
        }
        // a time filter far out of range still prints, though no query could write it
        return "datetime(" + value + ")";
    }

    private static String real(double value) {
        if (Double.isNaN(value)) {
            return "real(nan)";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "real(+inf)" : "real(-inf)";
        }
        return String.valueOf(value);
    }

    /** The largest unit that divides the ticks exactly: {@code 1d}, {@code 90m}, {@code 250ms}, {@code 7tick}. */
    private static String timespan(long ticks) {
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
