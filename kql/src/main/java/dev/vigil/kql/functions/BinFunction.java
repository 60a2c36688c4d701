package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin(value, size)} (alias {@code floor}): rounds down to a multiple of size. Kusto counts
 * datetimes in ticks from 0001-01-01, so datetime bins align to that origin: {@code 7d} bins start
 * on Mondays, and any size that divides a day starts at midnight. A null, zero or negative size
 * gives null.
 */
final class BinFunction {
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
                Signature.of(KqlType.DATETIME, a -> guarded(a, KqlType.DATETIME, SharedValue.let(a.sql(2), fixed -> DatetimeTicks.shift(fixed,
                        "+", roundedDown(DatetimeTicks.difference(a.sql(0), fixed), a.sql(1))))), KqlType.DATETIME, KqlType.TIMESPAN, KqlType.DATETIME),
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

    /**
     * Integer arithmetic on the value's epoch nanoseconds: DuckDB's time_bucket works in microseconds. A
     * constant size folds Kusto's origin into one constant offset.
     */
    private static String datetime(RenderArguments a) {
        Optional<Long> constantSize = a.constant(1).map(Long.class::cast);
        String nanos = "epoch_ns(" + a.sql(0) + ")";
        if (constantSize.isPresent() && constantSize.get() > 0 && constantSize.get() <= Long.MAX_VALUE / DatetimeTicks.NANOS_PER_TICK) {
            long size = Math.multiplyExact(constantSize.get(), DatetimeTicks.NANOS_PER_TICK);
            long offset = Math.floorMod(Math.multiplyExact(Math.floorMod(DatetimeTicks.TICKS_TO_UNIX_EPOCH, constantSize.get()),
                    DatetimeTicks.NANOS_PER_TICK), size);
            String shifted = offset == 0 ? nanos : "(" + nanos + " + " + offset + ")";
            return "make_timestamp_ns(" + nanos + " - " + DatetimeTicks.floorModulo(shifted, size) + ")";
        }
        String ticks = DatetimeTicks.ticksFromYearOne(a.sql(0));
        String binned = DatetimeTicks.fromUnixTicks(roundedDown(ticks, a.sql(1)) + " - " + DatetimeTicks.TICKS_TO_UNIX_EPOCH);
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
