package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin(value, size)} (alias {@code floor}): rounds down to a multiple of size. Kusto counts
 * datetimes in ticks from 0001-01-01, so datetime bins align to that origin: {@code 7d} bins start
 * on Mondays, and any size that divides a day starts at midnight. A null, zero or negative size
 * gives null.
 */
final class BinFunction {
    /** Ticks from 0001-01-01 to 1970-01-01. */
    static final long TICKS_TO_UNIX_EPOCH = 621_355_968_000_000_000L;
    private static final long MICROS_TO_UNIX_EPOCH = TICKS_TO_UNIX_EPOCH / 10;

    private BinFunction() {
    }

    static FunctionDeclaration declaration(String name) {
        return FunctionDeclaration.scalar(name, ColumnNaming.FIRST_ARGUMENT, List.of(
                Signature.of(KqlType.INT, a -> integral(a, KqlType.INT), KqlType.INT, KqlType.INT),
                Signature.of(KqlType.LONG, a -> integral(a, KqlType.LONG), KqlType.LONG, KqlType.LONG),
                Signature.of(KqlType.REAL, BinFunction::real, KqlType.REAL, KqlType.REAL),
                Signature.of(KqlType.TIMESPAN, a -> integral(a, KqlType.TIMESPAN), KqlType.TIMESPAN, KqlType.TIMESPAN),
                Signature.of(KqlType.DATETIME, BinFunction::datetime, KqlType.DATETIME, KqlType.TIMESPAN)));
    }

    private static String integral(RenderArguments a, KqlType type) {
        return guarded(a, type, roundedDown(a.sql(0), a.sql(1)));
    }

    /** The largest multiple of {@code size} not above {@code value}, for integers of either sign (SQL's % keeps the sign). */
    static String roundedDown(String value, String size) {
        return "(" + value + " - (((" + value + " % " + size + ") + " + size + ") % " + size + "))";
    }

    /**
     * {@code bin_at(value, size, fixed)}: the bin of {@code size} holding the value, bins being aligned so that one
     * starts at {@code fixed} (also for values before it). A size that is not positive gives null.
     */
    static FunctionDeclaration binAt() {
        return FunctionDeclaration.scalar("bin_at", ColumnNaming.FIRST_ARGUMENT, List.of(
                Signature.of(KqlType.DATETIME, a -> guarded(a, KqlType.DATETIME, SharedValue.let(a.sql(2), fixed -> "(" + fixed
                        + " + to_microseconds(" + roundedDown("((epoch_us(" + a.sql(0) + ") - epoch_us(" + fixed + ")) * 10)", a.sql(1))
                        + " // 10))")), KqlType.DATETIME, KqlType.TIMESPAN, KqlType.DATETIME),
                Signature.of(KqlType.TIMESPAN, a -> guarded(a, KqlType.TIMESPAN, SharedValue.let(a.sql(2), fixed -> "(" + fixed + " + "
                        + roundedDown("(" + a.sql(0) + " - " + fixed + ")", a.sql(1)) + ")")), KqlType.TIMESPAN, KqlType.TIMESPAN, KqlType.TIMESPAN),
                Signature.of(KqlType.LONG, a -> guarded(a, KqlType.LONG, SharedValue.let(a.sql(2), fixed -> "(" + fixed + " + "
                        + roundedDown("(" + a.sql(0) + " - " + fixed + ")", a.sql(1)) + ")")), KqlType.LONG, KqlType.LONG, KqlType.LONG),
                Signature.of(KqlType.REAL, a -> guarded(a, KqlType.REAL, SharedValue.let(a.sql(2), fixed -> "(" + fixed + " + floor(("
                        + a.sql(0) + " - " + fixed + ") / " + a.sql(1) + ") * " + a.sql(1) + ")")), KqlType.REAL, KqlType.REAL, KqlType.REAL)));
    }

    private static String real(RenderArguments a) {
        return guarded(a, KqlType.REAL, "(floor(" + a.sql(0) + " / " + a.sql(1) + ") * " + a.sql(1) + ")");
    }

    private static String datetime(RenderArguments a) {
        Optional<Long> constantSize = a.constant(1).map(Long.class::cast);
        if (constantSize.isPresent() && constantSize.get() > 0 && constantSize.get() % 10 == 0) {
            long micros = constantSize.get() / 10;
            // A plain time_bucket keeps the grouping key simple for DuckDB; the origin is Kusto's, moved near 1970.
            Instant origin = Instant.EPOCH.plusNanos(Math.floorMod(-MICROS_TO_UNIX_EPOCH, micros) * 1000);
            return "time_bucket(to_microseconds(" + micros + "), " + a.sql(0) + ", " + a.datetimeLiteral(origin) + ")";
        }
        String ticks = "(epoch_us(" + a.sql(0) + ") * 10 + " + TICKS_TO_UNIX_EPOCH + ")";
        String binned = "make_timestamp(((" + ticks + " // " + a.sql(1) + ") * " + a.sql(1) + " - " + TICKS_TO_UNIX_EPOCH + ") // 10)";
        return guarded(a, KqlType.DATETIME, binned);
    }

    private static String guarded(RenderArguments a, KqlType type, String expression) {
        Optional<Object> size = a.constant(1);
        if (size.isPresent()) {
            return ((Number) size.get()).doubleValue() > 0 ? expression : a.nullOf(type);
        }
        return "(CASE WHEN " + a.sql(1) + " > 0 THEN " + expression + " END)";
    }
}
