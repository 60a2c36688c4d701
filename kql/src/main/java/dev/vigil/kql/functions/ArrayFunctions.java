package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The array functions that move elements or make arrays: {@code array_shift_left}/{@code _right} (elements move
 * by n places; the places left behind hold the fill value, null unless given; a negative n moves the other way),
 * {@code array_rotate_left}/{@code _right} (elements leaving one end come back at the other), {@code repeat}
 * (a value n times) and {@code range} (numbers, datetimes or timespans from start to stop by step, stop included).
 * Input that is not an array gives null.
 */
final class ArrayFunctions {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType LONG = KqlType.LONG;
    private static final String JSON_NULL = "CAST('null' AS JSON)";
    /** Kusto's largest array made by repeat or range. */
    private static final long MAX_ELEMENTS = 1_048_576;

    private ArrayFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                shift("array_shift_left", ""),
                shift("array_shift_right", "-"),
                FunctionDeclaration.scalar("array_rotate_left", ColumnNaming.NONE, List.of(
                        Signature.of(DYNAMIC, a -> rotate(a.sql(0), a.sql(1)), DYNAMIC, LONG))),
                FunctionDeclaration.scalar("array_rotate_right", ColumnNaming.NONE, List.of(
                        Signature.of(DYNAMIC, a -> rotate(a.sql(0), "-(" + a.sql(1) + ")"), DYNAMIC, LONG))),
                FunctionDeclaration.scalar("repeat", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, repeatSignatures()),
                FunctionDeclaration.scalar("range", ColumnNaming.NONE, rangeSignatures()));
    }

    private static FunctionDeclaration shift(String name, String sign) {
        List<Signature> signatures = new ArrayList<>();
        signatures.add(Signature.of(DYNAMIC, a -> shifted(a.sql(0), sign + "(" + a.sql(1) + ")", JSON_NULL), DYNAMIC, LONG));
        for (KqlType fill : KqlType.values()) {
            signatures.add(Signature.of(DYNAMIC, a -> shifted(a.sql(0), sign + "(" + a.sql(1) + ")",
                    "coalesce(" + Conversions.jsonValue(fill, a.sql(2)) + ", " + JSON_NULL + ")"), DYNAMIC, LONG, fill));
        }
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, signatures);
    }

    /** Element i of the result is element i + by of the input, or the fill value past either end. */
    private static String shifted(String array, String by, String fill) {
        return SharedValue.let(DynamicFunctions.list(array), l -> SharedValue.let(by, k -> "to_json(list_transform(range(len(" + l
                + ")), lambda __si: CASE WHEN __si + " + k + " >= 0 AND __si + " + k + " < len(" + l + ") THEN " + l + "[__si + " + k
                + " + 1] ELSE " + fill + " END))"));
    }

    /** Element i of the result is element (i + by) mod length of the input. */
    private static String rotate(String array, String by) {
        return SharedValue.let(DynamicFunctions.list(array), l -> SharedValue.let(by, k -> "to_json(list_transform(range(len(" + l
                + ")), lambda __ri: " + l + "[(((__ri + " + k + ") % len(" + l + ")) + len(" + l + ")) % len(" + l + ") + 1]))"));
    }

    /** repeat(value, count): an array of count copies; a negative count gives an empty array. */
    private static List<Signature> repeatSignatures() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType value : KqlType.values()) {
            signatures.add(Signature.of(DYNAMIC, a -> SharedValue.let(Conversions.jsonValue(value, a.sql(0)), v -> "to_json(list_transform(range("
                    + "least(greatest(" + a.sql(1) + ", 0), " + MAX_ELEMENTS + ")), lambda __ri: coalesce(" + v + ", " + JSON_NULL + ")))"),
                    value, LONG));
        }
        return signatures;
    }

    /**
     * range(start, stop [, step]): the values from start by step while not past stop; step 1 (or 1h for datetimes and
     * timespans) when not given. A zero step, or one pointing away from stop, gives an empty array here.
     */
    private static List<Signature> rangeSignatures() {
        List<Signature> signatures = new ArrayList<>();
        signatures.add(Signature.of(DYNAMIC, a -> numbers(a.sql(0), a.sql(1), "1"), LONG, LONG));
        signatures.add(Signature.of(DYNAMIC, a -> numbers(a.sql(0), a.sql(1), a.sql(2)), LONG, LONG, LONG));
        signatures.add(Signature.of(DYNAMIC, a -> numbers(a.sql(0), a.sql(1), "1"), KqlType.REAL, KqlType.REAL));
        signatures.add(Signature.of(DYNAMIC, a -> numbers(a.sql(0), a.sql(1), a.sql(2)), KqlType.REAL, KqlType.REAL, KqlType.REAL));
        signatures.add(Signature.of(DYNAMIC, a -> ticks(a.sql(0), a.sql(1), a.sql(2), false), KqlType.TIMESPAN, KqlType.TIMESPAN, KqlType.TIMESPAN));
        signatures.add(Signature.of(DYNAMIC, a -> ticks(a.sql(0), a.sql(1), "36000000000", false), KqlType.TIMESPAN, KqlType.TIMESPAN));
        signatures.add(Signature.of(DYNAMIC, a -> ticks(a.sql(0), a.sql(1), a.sql(2), true), KqlType.DATETIME, KqlType.DATETIME, KqlType.TIMESPAN));
        signatures.add(Signature.of(DYNAMIC, a -> ticks(a.sql(0), a.sql(1), "36000000000", true), KqlType.DATETIME, KqlType.DATETIME));
        return signatures;
    }

    /** The count of steps from start to stop (both included), clipped to Kusto's limit; 0 for a step of 0 or of the wrong sign. */
    private static String count(String start, String stop, String step) {
        return "CASE WHEN " + step + " = 0 OR (" + stop + " - " + start + ") / " + step + " < 0 THEN 0 ELSE least(CAST(floor((" + stop + " - " + start
                + ") / " + step + ") AS BIGINT) + 1, " + MAX_ELEMENTS + ") END";
    }

    private static String numbers(String start, String stop, String step) {
        return SharedValue.let(start, a -> SharedValue.let(stop, b -> SharedValue.let(step, s -> "to_json(list_transform(range(" + count(a, b, s)
                + "), lambda __ni: " + a + " + __ni * " + s + "))")));
    }

    /** Timespans (ticks) or datetimes stepped in ticks; each element is written as Kusto writes it in a dynamic value. */
    private static String ticks(String start, String stop, String step, boolean datetime) {
        if (!datetime) {
            return SharedValue.let(start, a -> SharedValue.let(stop, b -> SharedValue.let(step, s -> "to_json(list_transform(range(" + count(a, b, s)
                    + "), lambda __ti: " + Conversions.timespanText(a + " + __ti * " + s) + "))")));
        }
        String startTicks = DatetimeTicks.unixTicks(start);
        String stopTicks = DatetimeTicks.unixTicks(stop);
        return SharedValue.let(startTicks, a -> SharedValue.let(stopTicks, b -> SharedValue.let(step, s -> "to_json(list_transform(range("
                + count("CAST(" + a + " AS DOUBLE)", b, s) + "), lambda __ti: " + DynamicDatetime.text(DatetimeTicks.fromUnixTicks(a + " + __ti * " + s)) + "))")));
    }
}
