package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The datetime functions. Datetimes are UTC; weeks start on Sunday as in Kusto. The end of a
 * period is one tick before the next period starts (…23:59:59.9999999). Calendar steps (days,
 * months, years) go through DuckDB's microsecond TIMESTAMP, the rest through ticks
 * ({@link DatetimeTicks}), so no value loses its seventh fraction digit.
 */
final class DateTimeFunctions {
    private static final KqlType DATETIME = KqlType.DATETIME;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType INT = KqlType.INT;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType TIMESPAN = KqlType.TIMESPAN;

    private DateTimeFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                period("startofday", Period.DAY, false).withNaming(ColumnNaming.FIRST_ARGUMENT), period("endofday", Period.DAY, true),
                period("startofweek", Period.WEEK, false), period("endofweek", Period.WEEK, true),
                period("startofmonth", Period.MONTH, false), period("endofmonth", Period.MONTH, true),
                period("startofyear", Period.YEAR, false), period("endofyear", Period.YEAR, true),
                part("dayofmonth", "day"),
                part("dayofyear", "dayofyear"),
                part("hourofday", "hour"),
                part("getyear", "year"),
                part("getmonth", "month"),
                part("monthofyear", "month"),
                part("weekofyear", "week"),
                part("week_of_year", "week"),
                // time zones through DuckDB's ICU, whose TIMESTAMPTZ_NS keeps the ticks; a zoned value is always read back as the
                // wall time of a named zone, so the session's zone never matters
                FunctionDeclaration.scalar("datetime_utc_to_local", ColumnNaming.NONE, List.of(
                        Signature.of(DATETIME, a -> "timezone(" + a.sql(1) + ", timezone('UTC', " + a.sql(0) + "))", DATETIME, KqlType.STRING))),
                FunctionDeclaration.scalar("datetime_local_to_utc", ColumnNaming.NONE, List.of(
                        Signature.of(DATETIME, a -> localToUtc(a.sql(0), a.sql(1)), DATETIME, KqlType.STRING))),
                FunctionDeclaration.scalar("datetime_list_timezones", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.DYNAMIC, a -> "(SELECT to_json(list(name ORDER BY name)) FROM pg_timezone_names())"))),
                FunctionDeclaration.scalar("dayofweek", ColumnNaming.NONE, List.of(
                        Signature.of(TIMESPAN, a -> "(CAST(dayofweek(" + micros(a.sql(0)) + ") AS BIGINT) * 864000000000)", DATETIME))),
                FunctionDeclaration.scalar("datetime_add", ColumnNaming.NONE, List.of(
                        Signature.of(DATETIME, DateTimeFunctions::add, STRING, LONG, DATETIME))),
                FunctionDeclaration.scalar("datetime_diff", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, DateTimeFunctions::difference, STRING, DATETIME, DATETIME))),
                FunctionDeclaration.scalar("datetime_part", ColumnNaming.NONE, List.of(
                        Signature.of(INT, DateTimeFunctions::datetimePart, STRING, DATETIME))),
                FunctionDeclaration.scalar("format_datetime", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(STRING, a -> DateTimeFormat.datetime(a.sql(0), (String) a.constant(1).orElse("")), DATETIME, STRING))),
                FunctionDeclaration.scalar("format_timespan", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(STRING, a -> DateTimeFormat.timespan(a.sql(0), (String) a.constant(1).orElse("")), TIMESPAN, STRING))),
                FunctionDeclaration.scalar("make_datetime", ColumnNaming.NONE, List.of(
                        Signature.of(DATETIME, a -> makeDatetime(a, "0", "0", "0"), LONG, LONG, LONG),
                        Signature.of(DATETIME, a -> makeDatetime(a, a.sql(3), a.sql(4), "0"), LONG, LONG, LONG, LONG, LONG),
                        Signature.of(DATETIME, a -> makeDatetime(a, a.sql(3), a.sql(4), a.sql(5)), LONG, LONG, LONG, LONG, LONG, REAL))),
                FunctionDeclaration.scalar("make_timespan", ColumnNaming.NONE, List.of(
                        Signature.of(TIMESPAN, a -> ticks("0", a.sql(0), a.sql(1), "0"), LONG, LONG),
                        Signature.of(TIMESPAN, a -> ticks("0", a.sql(0), a.sql(1), a.sql(2)), LONG, LONG, REAL),
                        Signature.of(TIMESPAN, a -> ticks(a.sql(0), a.sql(1), a.sql(2), a.sql(3)), LONG, LONG, LONG, REAL))),
                unixTime("unixtime_seconds_todatetime", 1_000_000_000L),
                unixTime("unixtime_milliseconds_todatetime", 1_000_000L),
                unixTime("unixtime_microseconds_todatetime", 1_000L),
                unixTime("unixtime_nanoseconds_todatetime", 1L),
                BinFunction.binAt());
    }

    private enum Period {
        DAY("INTERVAL 1 DAY"),
        WEEK("INTERVAL 7 DAY"),
        MONTH("INTERVAL 1 MONTH"),
        YEAR("INTERVAL 1 YEAR");

        final String length;

        Period(String length) {
            this.length = length;
        }

        String start(String datetime) {
            switch (this) {
                case DAY: return "date_trunc('day', " + datetime + ")";
                case WEEK: return "(date_trunc('day', " + datetime + ") - to_days(CAST(dayofweek(" + datetime + ") AS INTEGER)))";
                case MONTH: return "date_trunc('month', " + datetime + ")";
                default: return "date_trunc('year', " + datetime + ")";
            }
        }

        String shifted(String start, String count) {
            switch (this) {
                case DAY: return "(" + start + " + to_days(CAST(" + count + " AS INTEGER)))";
                case WEEK: return "(" + start + " + to_days(CAST(" + count + " AS INTEGER) * 7))";
                case MONTH: return "(" + start + " + to_months(CAST(" + count + " AS INTEGER)))";
                default: return "(" + start + " + to_years(CAST(" + count + " AS INTEGER)))";
            }
        }
    }

    /** startof…/endof…, with an optional offset in whole periods. */
    private static FunctionDeclaration period(String name, Period period, boolean end) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(
                Signature.of(DATETIME, a -> bounds(period, end, a.sql(0), "0"), DATETIME),
                Signature.of(DATETIME, a -> bounds(period, end, a.sql(0), a.sql(1)), DATETIME, LONG)));
    }

    /** Period starts are whole days, so DuckDB's microsecond calendar finds them exactly. */
    private static String bounds(Period period, boolean end, String datetime, String offset) {
        return SharedValue.let(datetime, d -> {
            String start = period.start(micros(d));
            if (!end) {
                return "CAST(" + (offset.equals("0") ? start : period.shifted(start, offset)) + " AS TIMESTAMP_NS)";
            }
            String next = period.shifted(start, offset.equals("0") ? "1" : "(" + offset + ") + 1");
            return DatetimeTicks.shift(next, "-", "1");
        });
    }

    private static String micros(String datetime) {
        return DatetimeTicks.wholeMicros(datetime);
    }

    private static FunctionDeclaration part(String name, String sqlPart) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(
                Signature.of(INT, a -> "CAST(date_part('" + sqlPart + "', " + micros(a.sql(0)) + ") AS INTEGER)", DATETIME)));
    }

    /** The DuckDB name of a Kusto period name, or empty when it is not one. */
    private static Optional<String> unit(Object kustoName) {
        switch (String.valueOf(kustoName).toLowerCase(Locale.ROOT)) {
            case "year": return Optional.of("year");
            case "quarter": return Optional.of("quarter");
            case "month": return Optional.of("month");
            case "week": return Optional.of("week");
            case "day": return Optional.of("day");
            case "hour": return Optional.of("hour");
            case "minute": return Optional.of("minute");
            case "second": return Optional.of("second");
            case "millisecond": return Optional.of("millisecond");
            case "microsecond": return Optional.of("microsecond");
            case "nanosecond": return Optional.of("nanosecond");
            default: return Optional.empty();
        }
    }

    /**
     * Calendar units move the datetime's microsecond part through DuckDB's calendar and keep its last tick digit;
     * the fixed-length units move it by ticks.
     */
    private static String add(RenderArguments a) {
        Optional<String> unit = a.constant(0).flatMap(DateTimeFunctions::unit);
        if (unit.isEmpty()) {
            return a.nullOf(DATETIME);
        }
        String amount = "CAST(" + a.sql(1) + " AS BIGINT)";
        switch (unit.get()) {
            case "year": return calendarStep(a.sql(2), "to_years(CAST(" + amount + " AS INTEGER))");
            case "quarter": return calendarStep(a.sql(2), "to_months(CAST(" + amount + " * 3 AS INTEGER))");
            case "month": return calendarStep(a.sql(2), "to_months(CAST(" + amount + " AS INTEGER))");
            case "week": return DatetimeTicks.shift(a.sql(2), "+", amount + " * 6048000000000");
            case "day": return DatetimeTicks.shift(a.sql(2), "+", amount + " * 864000000000");
            case "hour": return DatetimeTicks.shift(a.sql(2), "+", amount + " * 36000000000");
            case "minute": return DatetimeTicks.shift(a.sql(2), "+", amount + " * 600000000");
            case "second": return DatetimeTicks.shift(a.sql(2), "+", amount + " * 10000000");
            case "millisecond": return DatetimeTicks.shift(a.sql(2), "+", amount + " * 10000");
            case "microsecond": return DatetimeTicks.shift(a.sql(2), "+", amount + " * 10");
            default: return DatetimeTicks.shift(a.sql(2), "+", amount + " // 100");
        }
    }

    private static String calendarStep(String datetime, String interval) {
        return SharedValue.let(datetime, d -> "make_timestamp_ns(epoch_ns(" + micros(d) + " + " + interval + ") + "
                + DatetimeTicks.floorModulo("epoch_ns(" + d + ")", 1000) + ")");
    }

    /** datetime_diff(part, a, b): the number of period boundaries from b to a (negative when a is earlier). */
    private static String difference(RenderArguments a) {
        Optional<String> unit = a.constant(0).flatMap(DateTimeFunctions::unit);
        if (unit.isEmpty()) {
            return a.nullOf(LONG);
        }
        if (unit.get().equals("nanosecond")) {
            return "(epoch_ns(" + a.sql(1) + ") - epoch_ns(" + a.sql(2) + "))";
        }
        if (unit.get().equals("week")) {
            // weeks start on Sunday: count Sundays crossed
            return "((epoch_us(" + Period.WEEK.start(micros(a.sql(1))) + ") - epoch_us(" + Period.WEEK.start(micros(a.sql(2))) + ")) // 604800000000)";
        }
        return "date_diff('" + unit.get() + "', " + micros(a.sql(2)) + ", " + micros(a.sql(1)) + ")";
    }

    private static String datetimePart(RenderArguments a) {
        String part = String.valueOf(a.constant(0).orElse("")).toLowerCase(Locale.ROOT);
        String sqlPart;
        switch (part) {
            case "year": case "quarter": case "month": case "day": case "dayofyear": case "hour": case "minute": case "second":
                sqlPart = part;
                break;
            case "week_of_year": case "weekofyear": sqlPart = "week"; break;
            case "millisecond": return "CAST(" + DatetimeTicks.fractionTicks(a.sql(1)) + " // 10000 AS INTEGER)";
            case "microsecond": return "CAST(" + DatetimeTicks.fractionTicks(a.sql(1)) + " // 10 AS INTEGER)";
            case "nanosecond": return "CAST(" + DatetimeTicks.fractionTicks(a.sql(1)) + " * 100 AS INTEGER)";
            default: return a.nullOf(INT);
        }
        return "CAST(date_part('" + sqlPart + "', " + micros(a.sql(1)) + ") AS INTEGER)";
    }

    /** The whole minute through DuckDB's calendar, then the seconds (0 to below 60) rounded to the tick. */
    private static String makeDatetime(RenderArguments a, String hour, String minute, String second) {
        String minuteStart = "TRY(make_timestamp(" + a.sql(0) + ", " + a.sql(1) + ", " + a.sql(2) + ", " + hour + ", " + minute + ", 0))";
        if (second.equals("0")) {
            return "CAST(" + minuteStart + " AS TIMESTAMP_NS)";
        }
        return SharedValue.let("CAST(" + second + " AS DOUBLE)", s -> "CASE WHEN " + s + " >= 0 AND " + s + " < 60 THEN "
                + DatetimeTicks.shift(minuteStart, "+", "CAST(round(" + s + " * " + DatetimeTicks.TICKS_PER_SECOND + ") AS BIGINT)") + " END");
    }

    private static String ticks(String days, String hours, String minutes, String seconds) {
        return "CAST(((" + days + ") * 86400 + (" + hours + ") * 3600 + (" + minutes + ") * 60) * 10000000 + round(CAST(" + seconds
                + " AS DOUBLE) * 10000000) AS BIGINT)";
    }

    /** Whole ticks from the epoch (rounded down); a value past what a datetime holds gives null. */
    private static FunctionDeclaration unixTime(String name, long nanosPerUnit) {
        boolean wholeTicks = nanosPerUnit >= DatetimeTicks.NANOS_PER_TICK;
        String ticksPerUnit = wholeTicks ? " * " + nanosPerUnit / DatetimeTicks.NANOS_PER_TICK : " / " + DatetimeTicks.NANOS_PER_TICK / nanosPerUnit;
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(
                Signature.of(DATETIME, a -> "TRY(" + (wholeTicks ? DatetimeTicks.fromUnixTicks(a.sql(0) + ticksPerUnit)
                        : "make_timestamp_ns(" + DatetimeTicks.roundedDown(a.sql(0), DatetimeTicks.NANOS_PER_TICK) + ")") + ")", LONG),
                Signature.of(DATETIME, a -> "TRY(" + DatetimeTicks.fromUnixTicks("CAST(floor(CAST(" + a.sql(0) + " AS DOUBLE)" + ticksPerUnit + ") AS BIGINT)")
                        + ")", REAL)));
    }

    /**
     * datetime_local_to_utc: the zone's offset at the instant DuckDB finds for the wall time, taken off the wall time. For a
     * wall time that exists it is DuckDB's instant; for one that a spring-forward gap skips, the offset after the gap
     * applies, as Kusto does (02:00 on the night Brussels moves from +1 to +2 is 00:00 UTC).
     */
    private static String localToUtc(String local, String zone) {
        return SharedValue.let(local, l -> SharedValue.let(zone, z -> SharedValue.let("timezone('UTC', timezone(" + z + ", " + l + "))",
                utc -> "make_timestamp_ns(epoch_ns(" + utc + ") - (epoch_ns(timezone(" + z + ", timezone('UTC', " + utc + "))) - epoch_ns(" + l
                        + ")))")));
    }
}
