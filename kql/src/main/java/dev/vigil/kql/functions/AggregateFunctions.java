package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/** The aggregate functions of {@code summarize}, one row each. Integer sums are cast back to BIGINT (DuckDB widens them). */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.aggregate("count", ColumnNaming.PREFIX, List.of(
                        Signature.of(KqlType.LONG, a -> "count(*)"))),
                FunctionDeclaration.aggregate("countif", ColumnNaming.PREFIX, List.of(
                        Signature.of(KqlType.LONG, a -> "count(*) FILTER (WHERE " + a.sql(0) + ")", KqlType.BOOL))),
                FunctionDeclaration.aggregate("sum", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(KqlType.LONG, a -> "CAST(sum(" + a.sql(0) + ") AS BIGINT)", KqlType.INT),
                        Signature.of(KqlType.LONG, a -> "CAST(sum(" + a.sql(0) + ") AS BIGINT)", KqlType.LONG),
                        Signature.of(KqlType.REAL, a -> "sum(" + a.sql(0) + ")", KqlType.REAL),
                        Signature.of(KqlType.TIMESPAN, a -> "CAST(sum(" + a.sql(0) + ") AS BIGINT)", KqlType.TIMESPAN))),
                FunctionDeclaration.aggregate("avg", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(KqlType.REAL, a -> "avg(" + a.sql(0) + ")", KqlType.INT),
                        Signature.of(KqlType.REAL, a -> "avg(" + a.sql(0) + ")", KqlType.LONG),
                        Signature.of(KqlType.REAL, a -> "avg(" + a.sql(0) + ")", KqlType.REAL))),
                FunctionDeclaration.aggregate("min", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sameType("min")),
                FunctionDeclaration.aggregate("max", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sameType("max")),
                FunctionDeclaration.aggregate("dcount", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, everyType(KqlType.LONG,
                        a -> "count(DISTINCT " + a.sql(0) + ")")));
    }

    private static List<Signature> sameType(String sqlFunction) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : TypeSets.ORDERED) {
            signatures.add(Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ")", type));
        }
        return signatures;
    }

    private static List<Signature> everyType(KqlType result, SqlRendering rendering) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(result, rendering, type));
        }
        return signatures;
    }
}
