package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The math functions. They take and give reals unless noted; abs, sign and round keep integers
 * integral. A result that is not a number (the log of a negative) is NaN or null as DuckDB gives
 * it, never an error.
 */
final class MathFunctions {
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType LONG = KqlType.LONG;

    private MathFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("abs", ColumnNaming.FIRST_ARGUMENT, sameNumericType(a -> "abs(" + a.sql(0) + ")")),
                FunctionDeclaration.scalar("sign", ColumnNaming.NONE, sameNumericType(a -> "sign(" + a.sql(0) + ")")),
                FunctionDeclaration.scalar("round", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(LONG, a -> a.sql(0), LONG),
                        Signature.of(REAL, a -> "round(" + a.sql(0) + ")", REAL),
                        Signature.of(REAL, a -> "round(" + a.sql(0) + ", CAST(" + a.sql(1) + " AS INTEGER))", REAL, LONG),
                        Signature.of(KqlType.DECIMAL, a -> "round(" + a.sql(0) + ")", KqlType.DECIMAL))),
                real("ceiling", "ceil"),
                real("sqrt", "sqrt"),
                real("exp", "exp"),
                FunctionDeclaration.scalar("exp2", ColumnNaming.FIRST_ARGUMENT, List.of(Signature.of(REAL, a -> "pow(2.0, " + a.sql(0) + ")", REAL))),
                FunctionDeclaration.scalar("exp10", ColumnNaming.FIRST_ARGUMENT, List.of(Signature.of(REAL, a -> "pow(10.0, " + a.sql(0) + ")", REAL))),
                logarithm("log", "ln"),
                logarithm("log2", "log2"),
                logarithm("log10", "log10"),
                FunctionDeclaration.scalar("pow", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(REAL, a -> "pow(" + a.sql(0) + ", " + a.sql(1) + ")", REAL, REAL))),
                FunctionDeclaration.scalar("min_of", ColumnNaming.NONE, extreme("least")),
                FunctionDeclaration.scalar("max_of", ColumnNaming.NONE, extreme("greatest")),
                FunctionDeclaration.scalar("rand", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(REAL, a -> "random()"),
                        Signature.of(LONG, a -> "CAST(floor(random() * " + a.sql(0) + ") AS BIGINT)", LONG))),
                FunctionDeclaration.scalar("isnan", ColumnNaming.NONE, List.of(Signature.of(KqlType.BOOL, a -> "isnan(" + a.sql(0) + ")", REAL))),
                FunctionDeclaration.scalar("isinf", ColumnNaming.NONE, List.of(Signature.of(KqlType.BOOL, a -> "isinf(" + a.sql(0) + ")", REAL))),
                FunctionDeclaration.scalar("isfinite", ColumnNaming.NONE, List.of(Signature.of(KqlType.BOOL, a -> "isfinite(" + a.sql(0) + ")", REAL))),
                FunctionDeclaration.scalar("around", ColumnNaming.NONE, around()),
                FunctionDeclaration.scalar("pi", ColumnNaming.NONE, List.of(Signature.of(REAL, a -> "pi()"))),
                real("cos", "cos"),
                real("sin", "sin"),
                real("tan", "tan"),
                real("cot", "cot").withNaming(ColumnNaming.NONE),
                real("acos", "acos"),
                real("asin", "asin"),
                real("atan", "atan"),
                FunctionDeclaration.scalar("atan2", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(REAL, a -> "atan2(" + a.sql(0) + ", " + a.sql(1) + ")", REAL, REAL))),
                real("degrees", "degrees").withNaming(ColumnNaming.NONE),
                real("radians", "radians").withNaming(ColumnNaming.NONE));
    }

    /** around(value, center, delta): whether the value lies within delta of the center, both ends included. */
    private static List<Signature> around() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : List.of(LONG, REAL, KqlType.DECIMAL, KqlType.TIMESPAN)) {
            signatures.add(Signature.of(KqlType.BOOL, a -> SharedValue.let(a.sql(1), c -> SharedValue.let(a.sql(2), d -> "(" + a.sql(0)
                    + " BETWEEN " + c + " - " + d + " AND " + c + " + " + d + ")")), type, type, type));
        }
        signatures.add(Signature.of(KqlType.BOOL, a -> SharedValue.let(a.sql(1), c -> SharedValue.let(a.sql(2), d -> "(" + a.sql(0) + " BETWEEN "
                + ArithmeticOperators.shift(c, "-", d) + " AND " + ArithmeticOperators.shift(c, "+", d) + ")")), KqlType.DATETIME, KqlType.DATETIME,
                KqlType.TIMESPAN));
        return signatures;
    }

    /** A function of one real named after its argument, as Kusto names most math functions ({@code sqrt(x)} is {@code x}). */
    private static FunctionDeclaration real(String name, String sqlFunction) {
        return FunctionDeclaration.scalar(name, ColumnNaming.FIRST_ARGUMENT, List.of(
                Signature.of(REAL, a -> sqlFunction + "(" + a.sql(0) + ")", REAL)));
    }

    /** Logarithms of zero or a negative number give null (DuckDB would fail the query). */
    private static FunctionDeclaration logarithm(String name, String sqlFunction) {
        return FunctionDeclaration.scalar(name, ColumnNaming.FIRST_ARGUMENT, List.of(
                Signature.of(REAL, a -> SharedValue.let(a.sql(0), v -> "CASE WHEN " + v + " > 0 THEN " + sqlFunction + "(" + v + ") END"), REAL)));
    }

    private static List<Signature> sameNumericType(SqlRendering rendering) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : List.of(KqlType.INT, LONG, REAL, KqlType.DECIMAL, KqlType.TIMESPAN)) {
            String sqlType = type == KqlType.INT ? "INTEGER" : type == REAL ? "DOUBLE" : type == KqlType.DECIMAL ? "DECIMAL(38,18)" : "BIGINT";
            signatures.add(Signature.of(type, a -> "CAST(" + rendering.render(a) + " AS " + sqlType + ")", type));
        }
        return signatures;
    }

    private static List<Signature> extreme(String sqlFunction) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : TypeSets.ORDERED) {
            signatures.add(Signature.variadic(type, a -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < a.count(); i++) {
                    values.add(a.sql(i));
                }
                return sqlFunction + "(" + String.join(", ", values) + ")";
            }, type));
        }
        return signatures;
    }
}
