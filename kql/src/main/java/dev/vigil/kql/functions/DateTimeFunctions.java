package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The datetime functions. Datetimes are UTC; weeks start on Sunday as in Kusto. The end of a
 * period is one tick before the next period starts; datetimes hold microseconds here, so it is
 * one microsecond before (…23:59:59.999999 where Kusto shows …23:59:59.9999999).
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
                // time zones through DuckDB's ICU; TIMESTAMPTZ is read back through epoch_us so the session's zone never matters
                FunctionDeclaration.scalar("datetime_utc_to_local", ColumnNaming.NONE, List.of(
                        Signature.of(DATETIME, a -> "timezone(" + a.sql(1) + ", timezone('UTC', " + a.sql(0) + "))", DATETIME, KqlType.STRING))),
                FunctionDeclaration.scalar("datetime_local_to_utc", ColumnNaming.NONE, List.of(
                        Signature.of(DATETIME, a -> "make_timestamp(epoch_us(timezone(" + a.sql(1) + ", " + a.sql(0) + ")))", DATETIME,
                                KqlType.STRING))),
                FunctionDeclaration.scalar("datetime_list_timezones", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.DYNAMIC, a -> "(SELECT to_json(list(name ORDER BY name)) FROM pg_timezone_names())"))),
                FunctionDeclaration.scalar("dayofweek", ColumnNaming.NONE, List.of(
                        Signature.of(TIMESPAN, a -> "(CAST(dayofweek(" + a.sql(0) + ") AS BIGINT) * 864000000000)", DATETIME))),
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
                unixTime("unixtime_seconds_todatetime", "1000000"),
                unixTime("unixtime_milliseconds_todatetime", "1000"),
                unixTime("unixtime_microseconds_todatetime", "1"),
                unixTime("unixtime_nanoseconds_todatetime", "0.001").withDeviation("nanoseconds are cut to microseconds"),
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
                Signature.of(DATETIME, a -> bounds(period, end, a.sql(0), a.sql(1)), DATETIME, LONG)))
                .withDeviation(end ? "one microsecond before the next period (Kusto: one 100-ns tick)" : "");
    }

    private static String bounds(Period period, boolean end, String datetime, String offset) {
        return SharedValue.let(datetime, d -> {
            String start = period.start(d);
            if (!end) {
                return offset.equals("0") ? start : period.shifted(start, offset);
            }
            String next = period.shifted(start, offset.equals("0") ? "1" : "(" + offset + ") + 1");
            return "(" + next + " - INTERVAL 1 MICROSECOND)";
        });
    }

    private static FunctionDeclaration part(String name, String sqlPart) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(
                Signature.of(INT, a -> "CAST(date_part('" + sqlPart + "', " + a.sql(0) + ") AS INTEGER)", DATETIME)));
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

    private static String add(RenderArguments a) {
        Optional<String> unit = a.constant(0).flatMap(DateTimeFunctions::unit);
        if (unit.isEmpty()) {
            return a.nullOf(DATETIME);
        }
        String amount = "CAST(" + a.sql(1) + " AS BIGINT)";
        switch (unit.get()) {
            case "year": return "(" + a.sql(2) + " + to_years(CAST(" + amount + " AS INTEGER)))";
            case "quarter": return "(" + a.sql(2) + " + to_months(CAST(" + amount + " * 3 AS INTEGER)))";
            case "month": return "(" + a.sql(2) + " + to_months(CAST(" + amount + " AS INTEGER)))";
            case "week": return "(" + a.sql(2) + " + to_days(CAST(" + amount + " * 7 AS INTEGER)))";
            case "day": return "(" + a.sql(2) + " + to_days(CAST(" + amount + " AS INTEGER)))";
            case "hour": return "(" + a.sql(2) + " + to_microseconds(" + amount + " * 3600000000))";
            case "minute": return "(" + a.sql(2) + " + to_microseconds(" + amount + " * 60000000))";
            case "second": return "(" + a.sql(2) + " + to_microseconds(" + amount + " * 1000000))";
            case "millisecond": return "(" + a.sql(2) + " + to_microseconds(" + amount + " * 1000))";
            case "microsecond": return "(" + a.sql(2) + " + to_microseconds(" + amount + "))";
            default: return "(" + a.sql(2) + " + to_microseconds(" + amount + " // 1000))";
        }
    }

    /** datetime_diff(part, a, b): the number of period boundaries from b to a (negative when a is earlier). */
    private static String difference(RenderArguments a) {
        Optional<String> unit = a.constant(0).flatMap(DateTimeFunctions::unit);
        if (unit.isEmpty()) {
            return a.nullOf(LONG);
        }
        if (unit.get().equals("nanosecond")) {
            return "(date_diff('microsecond', " + a.sql(2) + ", " + a.sql(1) + ") * 1000)";
        }
        if (unit.get().equals("week")) {
            // weeks start on Sunday: count Sundays crossed
            return "((epoch_us(" + Period.WEEK.start(a.sql(1)) + ") - epoch_us(" + Period.WEEK.start(a.sql(2)) + ")) // 604800000000)";
        }
        return "date_diff('" + unit.get() + "', " + a.sql(2) + ", " + a.sql(1) + ")";
    }

    private static String datetimePart(RenderArguments a) {
        String part = String.valueOf(a.constant(0).orElse("")).toLowerCase(Locale.ROOT);
        String sqlPart;
        switch (part) {
            case "year": case "quarter": case "month": case "day": case "dayofyear": case "hour": case "minute": case "second":
                sqlPart = part;
                break;
            case "week_of_year": case "weekofyear": sqlPart = "week"; break;
            case "millisecond": return "CAST(date_part('millisecond', " + a.sql(1) + ") % 1000 AS INTEGER)";
            case "microsecond": return "CAST(date_part('microsecond', " + a.sql(1) + ") % 1000000 AS INTEGER)";
            case "nanosecond": return "CAST(date_part('microsecond', " + a.sql(1) + ") % 1000000 * 1000 AS INTEGER)";
            default: return a.nullOf(INT);
        }
        return "CAST(date_part('" + sqlPart + "', " + a.sql(1) + ") AS INTEGER)";
    }

    private static String makeDatetime(RenderArguments a, String hour, String minute, String second) {
        return "TRY(make_timestamp(" + a.sql(0) + ", " + a.sql(1) + ", " + a.sql(2) + ", " + hour + ", " + minute + ", CAST(" + second
                + " AS DOUBLE)))";
    }

    private static String ticks(String days, String hours, String minutes, String seconds) {
        return "CAST(((" + days + ") * 86400 + (" + hours + ") * 3600 + (" + minutes + ") * 60) * 10000000 + round(CAST(" + seconds
                + " AS DOUBLE) * 10000000) AS BIGINT)";
    }

    private static FunctionDeclaration unixTime(String name, String microsPerUnit) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(
                Signature.of(DATETIME, a -> "make_timestamp(CAST(" + a.sql(0) + " * " + microsPerUnit + " AS BIGINT))", LONG),
                Signature.of(DATETIME, a -> "make_timestamp(CAST(" + a.sql(0) + " * " + microsPerUnit + " AS BIGINT))", REAL)));
    }
}
