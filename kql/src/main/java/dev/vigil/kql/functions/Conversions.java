package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conversion functions ({@code tostring}, {@code toint}, {@code tolong}, {@code toreal},
 * {@code todouble}, {@code todecimal}, {@code tobool}, {@code todatetime}, {@code totimespan},
 * {@code toguid}) and the text forms Kusto gives values. A conversion that fails gives null,
 * except {@code tostring}, which never gives null (strings are never null). The binder uses the
 * same declarations to convert a dynamic value implicitly where a scalar is needed.
 */
final class Conversions {
    /** The function that converts to each scalar type, as the binder finds it for implicit conversions. */
    static final Map<KqlType, String> FUNCTION_FOR_TYPE = Map.of(
            KqlType.STRING, "tostring", KqlType.INT, "toint", KqlType.LONG, "tolong", KqlType.REAL, "toreal",
            KqlType.DECIMAL, "todecimal", KqlType.BOOL, "tobool", KqlType.DATETIME, "todatetime",
            KqlType.TIMESPAN, "totimespan", KqlType.GUID, "toguid");

    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long TICKS_PER_DAY = 86_400 * TICKS_PER_SECOND;
    private static final String CLOCK = "^\\s*(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?\\s*$";
    private static final String INTEGER_TEXT = "^\\s*[+-]?[0-9]+\\s*$";
    /** A datetime's text split into the local time and its offset from UTC; no match leaves every part empty. */
    private static final String OFFSET_TEXT = "^(.*[0-9:.])\\s*([+-])([0-9]{2}):?([0-9]{2})\\s*$";
    /**
     * Kusto's RFC 822 and RFC 850 forms ({@code Sat, 8 Nov 14 15:05:02 GMT}, {@code Saturday, 08-Nov-14 15:05}): an
     * optional weekday, day, month name, two-digit year, hours and minutes, optional seconds and GMT.
     */
    private static final String RFC_TEXT = "^\\s*(?:[A-Za-z]+,\\s*)?([0-9]{1,2})[ -]([A-Za-z]{3})[ -]([0-9]{2})\\s+([0-9]{1,2}):([0-9]{2})"
            + "(?::([0-9]{2}))?(?:\\s+GMT)?\\s*$";
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private Conversions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                conversion("tostring", KqlType.STRING, List.of(KqlType.values())),
                conversion("toint", KqlType.INT, List.of(KqlType.STRING, KqlType.BOOL, KqlType.INT, KqlType.LONG, KqlType.REAL,
                        KqlType.DECIMAL, KqlType.DATETIME, KqlType.TIMESPAN, KqlType.DYNAMIC)),
                conversion("tolong", KqlType.LONG, List.of(KqlType.STRING, KqlType.BOOL, KqlType.INT, KqlType.LONG, KqlType.REAL,
                        KqlType.DECIMAL, KqlType.DATETIME, KqlType.TIMESPAN, KqlType.DYNAMIC)),
                conversion("toreal", KqlType.REAL, numericSources()),
                conversion("todouble", KqlType.REAL, numericSources()),
                conversion("todecimal", KqlType.DECIMAL, numericSources()),
                conversion("tobool", KqlType.BOOL, List.of(KqlType.STRING, KqlType.BOOL, KqlType.INT, KqlType.LONG, KqlType.REAL,
                        KqlType.DECIMAL, KqlType.DYNAMIC)),
                conversion("toboolean", KqlType.BOOL, List.of(KqlType.STRING, KqlType.BOOL, KqlType.INT, KqlType.LONG, KqlType.REAL,
                        KqlType.DECIMAL, KqlType.DYNAMIC)),
                conversion("todatetime", KqlType.DATETIME, List.of(KqlType.STRING, KqlType.DATETIME, KqlType.DYNAMIC))
                        .withDeviation("a two-digit year of the RFC 822 and 850 forms is read as .NET reads it (2000-2049 below 50, "
                                + "else 19xx); Kusto does not say"),
                conversion("totimespan", KqlType.TIMESPAN, List.of(KqlType.STRING, KqlType.TIMESPAN, KqlType.LONG, KqlType.DYNAMIC))
                        .withDeviation("does not read 1h-style text"),
                conversion("totime", KqlType.TIMESPAN, List.of(KqlType.STRING, KqlType.TIMESPAN, KqlType.LONG, KqlType.DYNAMIC))
                        .withDeviation("does not read 1h-style text"),
                conversion("toguid", KqlType.GUID, List.of(KqlType.STRING, KqlType.GUID, KqlType.DYNAMIC)),
                conversion("parse_json", KqlType.DYNAMIC, List.of(KqlType.values())),
                conversion("todynamic", KqlType.DYNAMIC, List.of(KqlType.values())),
                conversion("parsejson", KqlType.DYNAMIC, List.of(KqlType.values())),
                conversion("toobject", KqlType.DYNAMIC, List.of(KqlType.values())));
    }

    private static List<KqlType> numericSources() {
        return List.of(KqlType.STRING, KqlType.BOOL, KqlType.INT, KqlType.LONG, KqlType.REAL, KqlType.DECIMAL,
                KqlType.TIMESPAN, KqlType.DYNAMIC);
    }

    private static FunctionDeclaration conversion(String name, KqlType target, List<KqlType> sources) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType source : sources) {
            boolean parsesText = source == KqlType.STRING && target == KqlType.DYNAMIC;
            signatures.add(Signature.of(target, parsesText ? new TextAsDynamic() : a -> convert(source, target, a.sql(0)), source));
        }
        return FunctionDeclaration.scalar(name, ColumnNaming.FIRST_ARGUMENT, signatures);
    }

    /** SQL converting {@code x}, of type {@code from}, to {@code to}. */
    static String convert(KqlType from, KqlType to, String x) {
        if (from == to && to != KqlType.STRING) {
            return x;
        }
        switch (to) {
            case STRING: return text(from, x);
            case INT: return integral(from, x, "INTEGER");
            case LONG: return integral(from, x, "BIGINT");
            case REAL: return numeric(from, x, "DOUBLE");
            case DECIMAL: return numeric(from, x, "DECIMAL(38,18)");
            case BOOL: return bool(from, x);
            case DATETIME: return datetime(from, x);
            case TIMESPAN: return timespan(from, x);
            case GUID: return from == KqlType.DYNAMIC ? "TRY_CAST(" + scalarText(x) + " AS UUID)" : "TRY_CAST(" + x + " AS UUID)";
            case DYNAMIC: return dynamic(from, x);
            default: throw new IllegalArgumentException("no conversion to " + to);
        }
    }

    /** The text of a value as Kusto's tostring gives it; never null. */
    static String text(KqlType from, String x) {
        switch (from) {
            case STRING: return "coalesce(" + x + ", '')";
            case REAL: return "coalesce(" + realText(x) + ", '')";
            case DECIMAL:
                return SharedValue.let("CAST(" + x + " AS VARCHAR)",
                        s -> "coalesce(CASE WHEN contains(" + s + ", '.') THEN rtrim(rtrim(" + s + ", '0'), '.') ELSE " + s + " END, '')");
            case DATETIME: return "coalesce(" + datetimeText(x) + ", '')";
            case TIMESPAN: return "coalesce(" + timespanText(x) + ", '')";
            case DYNAMIC:
                // ->> '$' gives a string unquoted, any other value as compact JSON, and JSON null as null: one parse
                return "coalesce(" + scalarText(x) + ", '')";
            default: return "coalesce(CAST(" + x + " AS VARCHAR), '')";
        }
    }

    /** A real as Kusto prints it: whole numbers without a fraction. */
    static String realText(String x) {
        return SharedValue.let(x, v -> "CASE WHEN " + v + " = trunc(" + v + ") AND abs(" + v + ") < 1e15 "
                + "THEN CAST(CAST(" + v + " AS BIGINT) AS VARCHAR) ELSE CAST(" + v + " AS VARCHAR) END");
    }

    /** {@code 2024-01-31T10:00:00Z}, with seven fraction digits when the fraction is not zero. */
    static String datetimeText(String x) {
        return SharedValue.let(x, v -> DynamicDatetime.wholeSeconds(v) + " || CASE WHEN " + DatetimeTicks.fractionTicks(v) + " <> 0 "
                + "THEN '.' || " + DatetimeTicks.fractionDigits(v) + " ELSE '' END || 'Z'");
    }

    /** {@code [-][d.]hh:mm:ss[.fffffff]} from ticks. */
    static String timespanText(String ticks) {
        return SharedValue.let(ticks, t -> {
            String magnitude = "abs(" + t + ")";
            String rest = "(" + magnitude + " % " + TICKS_PER_DAY + ")";
            return "CASE WHEN " + t + " < 0 THEN '-' ELSE '' END"
                    + " || CASE WHEN " + magnitude + " >= " + TICKS_PER_DAY + " THEN CAST(" + magnitude + " // " + TICKS_PER_DAY + " AS VARCHAR) || '.' ELSE '' END"
                    + " || lpad(CAST(" + rest + " // 36000000000 AS VARCHAR), 2, '0')"
                    + " || ':' || lpad(CAST(" + rest + " % 36000000000 // 600000000 AS VARCHAR), 2, '0')"
                    + " || ':' || lpad(CAST(" + rest + " % 600000000 // " + TICKS_PER_SECOND + " AS VARCHAR), 2, '0')"
                    + " || CASE WHEN " + rest + " % " + TICKS_PER_SECOND + " <> 0 THEN '.' || lpad(CAST(" + rest + " % " + TICKS_PER_SECOND
                    + " AS VARCHAR), 7, '0') ELSE '' END";
        });
    }

    /** A value as it is held inside a dynamic value: datetimes, timespans and guids as their text, dynamic as it is. */
    static String jsonValue(KqlType type, String sql) {
        switch (type) {
            case DATETIME: return "to_json(" + DynamicDatetime.text(sql) + ")";
            case TIMESPAN: return "to_json(" + timespanText(sql) + ")";
            case GUID: return "to_json(CAST(" + sql + " AS VARCHAR))";
            case DYNAMIC: return sql;
            default: return "to_json(" + sql + ")";
        }
    }

    /** The text of a dynamic scalar (a JSON string unquoted); null for null, arrays and property bags give their JSON. */
    static String scalarText(String json) {
        return "(" + json + " ->> '$')";
    }

    private static String integral(KqlType from, String x, String sqlType) {
        switch (from) {
            case STRING:
                return SharedValue.let(x, s -> "CASE WHEN regexp_matches(" + s + ", '" + INTEGER_TEXT + "') THEN TRY_CAST(trim(" + s + ") AS " + sqlType
                        + ") ELSE TRY_CAST(trunc(TRY_CAST(" + s + " AS DOUBLE)) AS " + sqlType + ") END");
            case BOOL:
            case INT:
            case LONG:
            case TIMESPAN:
                return "TRY_CAST(" + x + " AS " + sqlType + ")";
            case REAL:
            case DECIMAL:
                return "TRY_CAST(trunc(" + x + ") AS " + sqlType + ")";
            case DATETIME:
                return "TRY_CAST(" + DatetimeTicks.ticksFromYearOne(x) + " AS " + sqlType + ")";
            case DYNAMIC:
                return integral(KqlType.STRING, scalarText(x), sqlType);
            default:
                throw new IllegalArgumentException("no integral conversion from " + from);
        }
    }

    private static String numeric(KqlType from, String x, String sqlType) {
        switch (from) {
            case STRING: return "TRY_CAST(trim(" + x + ") AS " + sqlType + ")";
            case BOOL: return "CAST(CAST(" + x + " AS INTEGER) AS " + sqlType + ")";
            case DYNAMIC: return numeric(KqlType.STRING, scalarText(x), sqlType);
            default: return "TRY_CAST(" + x + " AS " + sqlType + ")";
        }
    }

    private static String bool(KqlType from, String x) {
        switch (from) {
            case STRING:
                return SharedValue.let(x, s -> "CASE lower(trim(" + s + ")) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE "
                        + "ELSE TRY_CAST(TRY_CAST(trim(" + s + ") AS BIGINT) <> 0 AS BOOLEAN) END");
            case DYNAMIC:
                return bool(KqlType.STRING, scalarText(x));
            default:
                return "(" + x + " <> 0)";
        }
    }

    private static String datetime(KqlType from, String x) {
        if (from == KqlType.DYNAMIC) {
            return datetime(KqlType.STRING, scalarText(x));
        }
        // text with an offset is moved to UTC by the offset; text without one is taken as UTC; digits past the tick are cut
        return SharedValue.let("regexp_extract(" + x + ", '" + OFFSET_TEXT + "', ['wall', 'sign', 'oh', 'om'])", p -> {
            String local = "coalesce(TRY_CAST(CASE WHEN " + p + ".sign = '' THEN " + x + " ELSE " + p + ".wall END AS TIMESTAMP_NS), "
                    + otherForms(x) + ")";
            String offsetTicks = "CASE WHEN " + p + ".sign = '' THEN 0 ELSE (CAST(" + p + ".oh AS BIGINT) * 60 + CAST(" + p + ".om AS BIGINT))"
                    + " * 600000000 * CASE WHEN " + p + ".sign = '-' THEN -1 ELSE 1 END END";
            return DatetimeTicks.shift(DatetimeTicks.truncatedToTick(local), "-", offsetTicks);
        });
    }

    /**
     * The other forms Kusto documents for datetime text, read only where ISO 8601 did not: the RFC 822 and RFC 850 forms
     * (a two-digit year is 2000-2049 below 50, else 19xx, as .NET reads it), and the sortable forms ending in GMT.
     */
    private static String otherForms(String x) {
        return SharedValue.let("regexp_extract(" + x + ", '" + RFC_TEXT + "', ['d', 'mon', 'y', 'h', 'mi', 's'])", r -> {
            String month = "instr('" + MONTHS + "', lower(" + r + ".mon))";
            String year = "CASE WHEN CAST(" + r + ".y AS INTEGER) < 50 THEN 2000 ELSE 1900 END + CAST(" + r + ".y AS INTEGER)";
            String text = "printf('%04d-%02d-%02d %02d:%s:%s', " + year + ", (" + month + " + 2) // 3, CAST(" + r + ".d AS INTEGER), CAST("
                    + r + ".h AS INTEGER), " + r + ".mi, CASE WHEN " + r + ".s = '' THEN '00' ELSE " + r + ".s END)";
            return "CASE WHEN " + r + ".d <> '' AND " + month + " % 3 = 1 THEN TRY_CAST(" + text + " AS TIMESTAMP_NS) "
                    + "ELSE TRY_CAST(regexp_replace(" + x + ", '\\s+GMT\\s*$', '') AS TIMESTAMP_NS) END";
        });
    }

    private static String timespan(KqlType from, String x) {
        switch (from) {
            case LONG:
                return x;
            case DYNAMIC:
                return timespan(KqlType.STRING, scalarText(x));
            default:
                return SharedValue.let("regexp_extract(" + x + ", '" + CLOCK + "', ['sign', 'd', 'h', 'm', 's', 'f'])", p -> {
                    String ticks = "(coalesce(TRY_CAST(" + p + ".d AS BIGINT), 0) * " + TICKS_PER_DAY
                            + " + TRY_CAST(" + p + ".h AS BIGINT) * 36000000000 + TRY_CAST(" + p + ".m AS BIGINT) * 600000000"
                            + " + coalesce(TRY_CAST(" + p + ".s AS BIGINT), 0) * " + TICKS_PER_SECOND
                            + " + coalesce(TRY_CAST(rpad(" + p + ".f, 7, '0') AS BIGINT), 0))";
                    return "CASE WHEN " + p + ".h = '' THEN NULL WHEN " + p + ".sign = '-' THEN - " + ticks + " ELSE " + ticks + " END";
                });
        }
    }

    private static String dynamic(KqlType from, String x) {
        switch (from) {
            case STRING:
                return TextAsDynamic.render(x);
            case DATETIME:
                return "to_json(" + DynamicDatetime.text(x) + ")";
            case TIMESPAN:
                return "to_json(" + timespanText(x) + ")";
            case GUID:
                return "to_json(CAST(" + x + " AS VARCHAR))";
            default:
                return "to_json(" + x + ")";
        }
    }
}
