package dev.vigil.kql.functions;

/**
 * Datetime arithmetic in SQL. A datetime is a DuckDB {@code TIMESTAMP_NS} holding a whole number of
 * Kusto's 100-nanosecond ticks; every computation goes through its epoch nanoseconds as a BIGINT,
 * because DuckDB's {@code TIMESTAMP_NS + INTERVAL}, {@code date_trunc} and {@code time_bucket}
 * work on microseconds and would drop the seventh fraction digit. Timespans are BIGINT ticks.
 */
public final class DatetimeTicks {
    /** Ticks from 0001-01-01 to 1970-01-01: Kusto counts datetimes ({@code tolong}, bin alignment) from 0001-01-01. */
    public static final long TICKS_TO_UNIX_EPOCH = 621_355_968_000_000_000L;
    static final long NANOS_PER_TICK = 100;
    static final long TICKS_PER_SECOND = 10_000_000L;

    private DatetimeTicks() {
    }

    /**
     * The ticks from 1970-01-01 to {@code datetime} (negative before it). Datetimes hold whole ticks, so the
     * division is exact whichever way SQL's // rounds.
     */
    public static String unixTicks(String datetime) {
        return "(epoch_ns(" + datetime + ") // " + NANOS_PER_TICK + ")";
    }

    /** Kusto's ticks of {@code datetime}, counted from 0001-01-01 ({@code tolong}, {@code hash}, bin alignment). */
    static String ticksFromYearOne(String datetime) {
        return "(" + unixTicks(datetime) + " + " + TICKS_TO_UNIX_EPOCH + ")";
    }

    /** The datetime {@code ticks} (a BIGINT expression) after 1970-01-01. */
    public static String fromUnixTicks(String ticks) {
        return "make_timestamp_ns((" + ticks + ") * " + NANOS_PER_TICK + ")";
    }

    /** {@code datetime} moved by {@code ticks} (a timespan), {@code sign} being + or -. */
    public static String shift(String datetime, String sign, String ticks) {
        return "make_timestamp_ns(epoch_ns(" + datetime + ") " + sign + " (" + ticks + ") * " + NANOS_PER_TICK + ")";
    }

    /** The timespan from {@code earlier} to {@code later}, in ticks. */
    public static String difference(String later, String earlier) {
        return "((epoch_ns(" + later + ") - epoch_ns(" + earlier + ")) // " + NANOS_PER_TICK + ")";
    }

    /** The ticks of {@code datetime} after its whole second, 0 to 9999999. */
    static String fractionTicks(String datetime) {
        return "(" + floorModulo("epoch_ns(" + datetime + ")", 1_000_000_000L) + " // " + NANOS_PER_TICK + ")";
    }

    /**
     * The datetime as a microsecond TIMESTAMP, for DuckDB's calendar functions (date_trunc, date_part, month, …),
     * which read a TIMESTAMP_NS through a cast that rounds to the nearest microsecond: 10:59:59.9999999 would
     * count as 11:00. This cuts toward the past instead.
     */
    static String wholeMicros(String datetime) {
        return "make_timestamp(" + roundedDown("epoch_ns(" + datetime + ")", 1000) + " // 1000)";
    }

    /** The seven digits of {@code datetime}'s fraction of a second, as text. */
    static String fractionDigits(String datetime) {
        return "lpad(CAST(" + fractionTicks(datetime) + " AS VARCHAR), 7, '0')";
    }

    /**
     * {@code datetime} to the tick below it: a TIMESTAMP_NS read from text may hold nanoseconds, which
     * Kusto's datetimes cannot.
     */
    static String truncatedToTick(String datetime) {
        return SharedValue.let("epoch_ns(" + datetime + ")", n -> "make_timestamp_ns(" + n + " - " + floorModulo(n, NANOS_PER_TICK) + ")");
    }

    /** {@code value} rounded down to a multiple of a positive constant. */
    static String roundedDown(String value, long unit) {
        return "(" + value + " - " + floorModulo(value, unit) + ")";
    }

    /** The remainder of {@code value} by a positive constant, 0 to divisor - 1 (SQL's % keeps the sign). */
    static String floorModulo(String value, long divisor) {
        return "(((" + value + " % " + divisor + ") + " + divisor + ") % " + divisor + ")";
    }
}
