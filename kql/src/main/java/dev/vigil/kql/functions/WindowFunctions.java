package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of serialized rows: {@code row_number}, {@code prev}, {@code next} and
 * {@code row_cumsum}. Each is a SQL window over the whole input in its current order
 * ({@code OVER ()}), which DuckDB evaluates in the order the rows arrive. {@code row_rank_dense},
 * {@code row_rank_min} and {@code row_window_session} depend on earlier rows' results, which one SQL window
 * cannot express: the SQL generator writes them as a chain of simpler windows ({@code sql.SerialWindows}), so
 * their renderings here are never used.
 */
final class WindowFunctions {
    private static final String ALL_ROWS = " OVER ()";
    private static final String UP_TO_HERE = " OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";

    private WindowFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.window("row_number", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.LONG, a -> "row_number()" + ALL_ROWS),
                        Signature.of(KqlType.LONG, a -> "(row_number()" + ALL_ROWS + " + " + a.sql(0) + " - 1)", KqlType.LONG))),
                FunctionDeclaration.window("prev", ColumnNaming.NONE, shifted("lag")),
                FunctionDeclaration.window("next", ColumnNaming.NONE, shifted("lead")),
                FunctionDeclaration.window("row_cumsum", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.LONG, a -> "CAST(sum(" + a.sql(0) + ")" + UP_TO_HERE + " AS BIGINT)", KqlType.INT),
                        Signature.of(KqlType.LONG, a -> "CAST(sum(" + a.sql(0) + ")" + UP_TO_HERE + " AS BIGINT)", KqlType.LONG),
                        Signature.of(KqlType.REAL, a -> "sum(" + a.sql(0) + ")" + UP_TO_HERE, KqlType.REAL),
                        Signature.of(KqlType.TIMESPAN, a -> "CAST(sum(" + a.sql(0) + ")" + UP_TO_HERE + " AS BIGINT)", KqlType.TIMESPAN),
                        // with a restart: the sum since the last row whose restart is true (sql.SerialWindows)
                        Signature.of(KqlType.LONG, WindowFunctions::rewritten, KqlType.INT, KqlType.BOOL),
                        Signature.of(KqlType.LONG, WindowFunctions::rewritten, KqlType.LONG, KqlType.BOOL),
                        Signature.of(KqlType.REAL, WindowFunctions::rewritten, KqlType.REAL, KqlType.BOOL),
                        Signature.of(KqlType.TIMESPAN, WindowFunctions::rewritten, KqlType.TIMESPAN, KqlType.BOOL))),
                FunctionDeclaration.window("row_rank_dense", ColumnNaming.NONE, ranked()),
                FunctionDeclaration.window("row_rank_min", ColumnNaming.NONE, ranked()),
                FunctionDeclaration.window("row_window_session", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.DATETIME, WindowFunctions::rewritten, KqlType.DATETIME, KqlType.TIMESPAN, KqlType.TIMESPAN),
                        Signature.of(KqlType.DATETIME, WindowFunctions::rewritten, KqlType.DATETIME, KqlType.TIMESPAN, KqlType.TIMESPAN,
                                KqlType.BOOL))));
    }

    /** {@code row_rank_dense}/{@code row_rank_min}: (term of any type[, restart]) to long. */
    private static List<Signature> ranked() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(KqlType.LONG, WindowFunctions::rewritten, type));
            signatures.add(Signature.of(KqlType.LONG, WindowFunctions::rewritten, type, KqlType.BOOL));
        }
        return signatures;
    }

    private static String rewritten(RenderArguments arguments) {
        throw new IllegalStateException("the SQL generator writes this function as a chain of windows");
    }

    /** {@code prev}/{@code next}: the value {@code offset} rows away (default 1), or the default (null) past the edge. */
    private static List<Signature> shifted(String sqlFunction) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ")" + ALL_ROWS, type));
            signatures.add(Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ", " + a.sql(1) + ")" + ALL_ROWS, type, KqlType.LONG));
            signatures.add(Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ", " + a.sql(1) + ", " + a.sql(2) + ")" + ALL_ROWS,
                    type, KqlType.LONG, type));
        }
        return signatures;
    }
}
