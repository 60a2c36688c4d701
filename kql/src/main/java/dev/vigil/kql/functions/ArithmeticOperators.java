package dev.vigil.kql.functions;

import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Map;

/**
 * {@code + - * / %} with Kusto's typing: int/long divided by int/long is integer division
 * (truncating toward zero; by zero gives null), datetime ± timespan is a datetime, datetime − datetime is a timespan. Timespans
 * are BIGINT ticks of 100 ns; datetimes are TIMESTAMP_NS values computed through their ticks ({@link DatetimeTicks}).
 */
final class ArithmeticOperators {
    private static final KqlType INT = KqlType.INT;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType DECIMAL = KqlType.DECIMAL;
    private static final KqlType DATETIME = KqlType.DATETIME;
    private static final KqlType TIMESPAN = KqlType.TIMESPAN;

    private ArithmeticOperators() {
    }

    static Map<BinaryOperator, FunctionDeclaration> declarations() {
        return Map.of(
                BinaryOperator.ADD, operator(BinaryOperator.ADD, List.of(
                        infix(INT, "+", INT, INT), infix(LONG, "+", LONG, LONG), infix(REAL, "+", REAL, REAL), decimal("+", true),
                        Signature.of(DATETIME, a -> shift(a.sql(0), "+", a.sql(1)), DATETIME, TIMESPAN),
                        Signature.of(DATETIME, a -> shift(a.sql(1), "+", a.sql(0)), TIMESPAN, DATETIME),
                        infix(TIMESPAN, "+", TIMESPAN, TIMESPAN))),
                BinaryOperator.SUBTRACT, operator(BinaryOperator.SUBTRACT, List.of(
                        infix(INT, "-", INT, INT), infix(LONG, "-", LONG, LONG), infix(REAL, "-", REAL, REAL), decimal("-", true),
                        Signature.of(DATETIME, a -> shift(a.sql(0), "-", a.sql(1)), DATETIME, TIMESPAN),
                        Signature.of(TIMESPAN, a -> DatetimeTicks.difference(a.sql(0), a.sql(1)), DATETIME, DATETIME),
                        infix(TIMESPAN, "-", TIMESPAN, TIMESPAN))),
                BinaryOperator.MULTIPLY, operator(BinaryOperator.MULTIPLY, List.of(
                        infix(INT, "*", INT, INT), infix(LONG, "*", LONG, LONG), infix(REAL, "*", REAL, REAL), decimal("*", false),
                        infix(TIMESPAN, "*", TIMESPAN, LONG), infix(TIMESPAN, "*", LONG, TIMESPAN),
                        Signature.of(TIMESPAN, a -> toTicks("(" + a.sql(0) + " * " + a.sql(1) + ")"), TIMESPAN, REAL),
                        Signature.of(TIMESPAN, a -> toTicks("(" + a.sql(0) + " * " + a.sql(1) + ")"), REAL, TIMESPAN))),
                BinaryOperator.DIVIDE, operator(BinaryOperator.DIVIDE, List.of(
                        integerDivision(INT, "//", INT, INT), integerDivision(LONG, "//", LONG, LONG), infix(REAL, "/", REAL, REAL), decimal("/", false),
                        Signature.of(REAL, a -> "(CAST(" + a.sql(0) + " AS DOUBLE) / " + a.sql(1) + ")", TIMESPAN, TIMESPAN),
                        integerDivision(TIMESPAN, "//", TIMESPAN, LONG),
                        Signature.of(TIMESPAN, a -> toTicks("(" + a.sql(0) + " / " + a.sql(1) + ")"), TIMESPAN, REAL)))
                        .withDeviation("integer division by zero gives null (Kusto raises an error)"),
                BinaryOperator.MODULO, operator(BinaryOperator.MODULO, List.of(
                        integerDivision(INT, "%", INT, INT), integerDivision(LONG, "%", LONG, LONG), infix(REAL, "%", REAL, REAL),
                        integerDivision(TIMESPAN, "%", TIMESPAN, TIMESPAN)))
                        .withDeviation("modulo by zero gives null (Kusto raises an error)"));
    }

    /** Unary minus. */
    static FunctionDeclaration negation() {
        SqlRendering negate = a -> "(- " + a.sql(0) + ")";
        return FunctionDeclaration.scalar("-", ColumnNaming.NONE, List.of(
                Signature.of(INT, negate, INT), Signature.of(LONG, negate, LONG), Signature.of(REAL, negate, REAL),
                Signature.of(DECIMAL, negate, DECIMAL), Signature.of(TIMESPAN, negate, TIMESPAN)));
    }

    private static FunctionDeclaration operator(BinaryOperator operator, List<Signature> signatures) {
        return FunctionDeclaration.scalar(operator.text(), ColumnNaming.NONE, signatures);
    }

    private static Signature infix(KqlType result, String sql, KqlType left, KqlType right) {
        return Signature.of(result, a -> "(" + a.sql(0) + " " + sql + " " + a.sql(1) + ")", left, right);
    }

    /**
     * Decimal arithmetic keeps the decimal type. Sums and differences are exact; products are exact
     * to 9 decimal places of each factor (DuckDB adds the scales); quotients are computed in double.
     */
    private static Signature decimal(String sql, boolean exact) {
        String type = "DECIMAL(38,18)";
        SqlRendering rendering;
        if (exact) {
            rendering = a -> "CAST((" + a.sql(0) + " " + sql + " " + a.sql(1) + ") AS " + type + ")";
        } else if (sql.equals("*")) {
            rendering = a -> "TRY_CAST((CAST(" + a.sql(0) + " AS DECIMAL(38,9)) * CAST(" + a.sql(1) + " AS DECIMAL(38,9))) AS " + type + ")";
        } else {
            rendering = a -> "TRY_CAST((CAST(" + a.sql(0) + " AS DOUBLE) " + sql + " CAST(" + a.sql(1) + " AS DOUBLE)) AS " + type + ")";
        }
        return Signature.of(DECIMAL, rendering, DECIMAL, DECIMAL);
    }

    /** Integer division and remainder; dividing by zero gives null rather than failing the whole query. */
    private static Signature integerDivision(KqlType result, String sql, KqlType left, KqlType right) {
        return Signature.of(result, a -> "(" + a.sql(0) + " " + sql + " NULLIF(" + a.sql(1) + ", 0))", left, right);
    }

    /** A datetime moved by a number of ticks. */
    static String shift(String datetime, String sign, String ticks) {
        return DatetimeTicks.shift(datetime, sign, ticks);
    }

    private static String toTicks(String real) {
        return "CAST(" + real + " AS BIGINT)";
    }
}
