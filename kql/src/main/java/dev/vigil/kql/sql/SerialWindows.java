package dev.vigil.kql.sql;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.functions.ColumnNaming;
import dev.vigil.kql.functions.DatetimeTicks;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionKind;
import dev.vigil.kql.functions.SqlRendering;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code row_rank_dense}, {@code row_rank_min}, {@code row_window_session} and {@code row_cumsum} with a restart written as chains of plain
 * windows, since each row's result depends on where the current segment (after the last restart, or the
 * last session break) began. Every window runs over the rows in their order without PARTITION BY, so the
 * order survives: a segment is found as the running maximum of the row numbers where one starts, and a
 * per-segment aggregate is a frame that reaches back to that row ({@code ROWS BETWEEN n PRECEDING}).
 * The chain nests windows in windows' arguments, which {@link WindowStages} computes in stages.
 */
final class SerialWindows {
    private static final String ROW_RANK_DENSE = "row_rank_dense";
    private static final String ROW_RANK_MIN = "row_rank_min";
    private static final String ROW_WINDOW_SESSION = "row_window_session";
    private static final String ROW_CUMSUM = "row_cumsum";
    private static final Set<String> NAMES = Set.of(ROW_RANK_DENSE, ROW_RANK_MIN, ROW_WINDOW_SESSION, ROW_CUMSUM);
    private static final String UP_TO_HERE = " OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";

    private static final FunctionDeclaration ROW_NUMBER = step(FunctionKind.WINDOW, "row_number", KqlType.LONG,
            a -> "row_number() OVER ()");
    private static final FunctionDeclaration RUNNING_MAX = step(FunctionKind.WINDOW, "running_max", KqlType.LONG,
            a -> "max(" + a.sql(0) + ")" + UP_TO_HERE);
    private static final FunctionDeclaration SEGMENT_SUM = step(FunctionKind.WINDOW, "segment_sum", KqlType.LONG,
            a -> "CAST(sum(" + a.sql(0) + ") OVER (ROWS BETWEEN " + a.sql(1) + " PRECEDING AND CURRENT ROW) AS BIGINT)");
    private static final Map<KqlType, FunctionDeclaration> SEGMENT_TOTAL = new EnumMap<>(KqlType.class);
    private static final FunctionDeclaration SEGMENT_LIST = step(FunctionKind.WINDOW, "segment_list", KqlType.DYNAMIC,
            a -> "list(" + a.sql(0) + ") OVER (ROWS BETWEEN " + a.sql(1) + " PRECEDING AND CURRENT ROW)");
    private static final Map<KqlType, FunctionDeclaration> PREVIOUS = new EnumMap<>(KqlType.class);

    /** (row number[, restart]): whether a segment starts on this row. */
    private static final FunctionDeclaration SEGMENT_STARTS = step(FunctionKind.SCALAR, "segment_starts", KqlType.BOOL,
            a -> a.count() == 1 ? "(" + a.sql(0) + " = 1)" : "(" + a.sql(0) + " = 1 OR coalesce(" + a.sql(1) + ", FALSE))");
    /** (segment starts, term, previous term): whether a run of equal terms starts on this row. */
    private static final FunctionDeclaration RUN_STARTS = step(FunctionKind.SCALAR, "run_starts", KqlType.BOOL,
            a -> "(" + a.sql(0) + " OR " + a.sql(1) + " IS DISTINCT FROM " + a.sql(2) + ")");
    private static final FunctionDeclaration ROW_IF = step(FunctionKind.SCALAR, "row_if", KqlType.LONG,
            a -> "CASE WHEN " + a.sql(0) + " THEN " + a.sql(1) + " END");
    private static final FunctionDeclaration ONE_IF = step(FunctionKind.SCALAR, "one_if", KqlType.LONG,
            a -> "CASE WHEN " + a.sql(0) + " THEN 1 ELSE 0 END");
    private static final FunctionDeclaration DISTANCE = step(FunctionKind.SCALAR, "distance", KqlType.LONG,
            a -> "(" + a.sql(0) + " - " + a.sql(1) + ")");
    private static final FunctionDeclaration POSITION = step(FunctionKind.SCALAR, "position", KqlType.LONG,
            a -> "(" + a.sql(0) + " - " + a.sql(1) + " + 1)");
    /** (row number, value, previous value, max gap[, restart]): whether a session starts on this row by its neighbours. */
    private static final FunctionDeclaration SESSION_BREAKS = step(FunctionKind.SCALAR, "session_breaks", KqlType.BOOL,
            a -> "(" + a.sql(0) + " = 1 OR " + a.sql(2) + " IS NULL OR " + a.sql(1) + " >= " + DatetimeTicks.shift(a.sql(2), "+", a.sql(3))
                    + (a.count() > 4 ? " OR coalesce(" + a.sql(4) + ", FALSE)" : "") + ")");
    /**
     * (value, the segment's values up to this row, max distance from first): the session start, found by walking the
     * segment from its first value and starting again at the first value at or past start + distance.
     */
    private static final FunctionDeclaration SESSION_START = step(FunctionKind.SCALAR, "session_start", KqlType.DATETIME,
            a -> "CASE WHEN " + a.sql(0) + " IS NOT NULL THEN list_reduce(" + a.sql(1) + ", lambda __ss, __sv: CASE WHEN __sv >= "
                    + DatetimeTicks.shift("__ss", "+", a.sql(2)) + " THEN __sv ELSE __ss END) END");

    static {
        for (KqlType type : List.of(KqlType.LONG, KqlType.REAL, KqlType.TIMESPAN)) {
            SEGMENT_TOTAL.put(type, step(FunctionKind.WINDOW, "segment_total", type, a -> (type == KqlType.REAL ? "" : "CAST(") + "sum("
                    + a.sql(0) + ") OVER (ROWS BETWEEN " + a.sql(1) + " PRECEDING AND CURRENT ROW)" + (type == KqlType.REAL ? "" : " AS BIGINT)")));
        }
        for (KqlType type : KqlType.values()) {
            PREVIOUS.put(type, step(FunctionKind.WINDOW, "previous", type, a -> "lag(" + a.sql(0) + ") OVER ()"));
        }
    }

    private SerialWindows() {
    }

    /** Whether {@code expression} calls one of the functions written here. */
    static boolean contains(BoundExpression expression) {
        return expression instanceof BoundCall call && (isSerial(call) || call.arguments().stream().anyMatch(SerialWindows::contains));
    }

    /** {@code expression} with every call of these functions replaced by its chain of windows. */
    static BoundExpression expand(BoundExpression expression) {
        if (!(expression instanceof BoundCall call)) {
            return expression;
        }
        List<BoundExpression> arguments = new ArrayList<>();
        for (BoundExpression argument : call.arguments()) {
            arguments.add(expand(argument));
        }
        if (!isSerial(call)) {
            return new BoundCall(call.function(), call.signature(), arguments);
        }
        String name = call.function().name();
        Optional<BoundExpression> restart = arguments.size() > (name.equals(ROW_WINDOW_SESSION) ? 3 : 1)
                ? Optional.of(arguments.get(arguments.size() - 1)) : Optional.empty();
        switch (name) {
            case ROW_RANK_DENSE:
                return rankDense(arguments.get(0), restart);
            case ROW_RANK_MIN:
                return rankMin(arguments.get(0), restart);
            case ROW_CUMSUM:
                return cumulativeSum(arguments.get(0), restart, call.signature().result());
            default:
                return session(arguments.get(0), arguments.get(1), arguments.get(2), restart);
        }
    }

    /** The rank goes up by one at each run of equal terms, counted from the segment's first row. */
    private static BoundExpression rankDense(BoundExpression term, Optional<BoundExpression> restart) {
        Segment segment = Segment.of(restart);
        BoundExpression runStarts = segment.runStarts(term);
        return call(SEGMENT_SUM, call(ONE_IF, runStarts), call(DISTANCE, segment.rowNumber(), segment.start()));
    }

    /** {@code row_cumsum(term, restart)}: the sum of the terms from the segment's first row to this one. */
    private static BoundExpression cumulativeSum(BoundExpression term, Optional<BoundExpression> restart, KqlType result) {
        Segment segment = Segment.of(restart);
        return call(SEGMENT_TOTAL.get(result), term, call(DISTANCE, segment.rowNumber(), segment.start()));
    }

    /** The rank is the position in the segment of the first row of the current run of equal terms. */
    private static BoundExpression rankMin(BoundExpression term, Optional<BoundExpression> restart) {
        Segment segment = Segment.of(restart);
        BoundExpression runStart = call(RUNNING_MAX, call(ROW_IF, segment.runStarts(term), segment.rowNumber()));
        return call(POSITION, runStart, segment.start());
    }

    /**
     * Segments break where the neighbours' rule (or a restart, or a null before) starts a session; within one,
     * the distance from the session's first value decides, which depends on the earlier sessions of the segment.
     */
    private static BoundExpression session(BoundExpression value, BoundExpression fromFirst, BoundExpression betweenNeighbours,
                                           Optional<BoundExpression> restart) {
        BoundExpression rowNumber = call(ROW_NUMBER);
        List<BoundExpression> breakArguments = new ArrayList<>(List.of(rowNumber, value, call(PREVIOUS.get(value.type()), value),
                betweenNeighbours));
        restart.ifPresent(breakArguments::add);
        BoundExpression breaks = new BoundCall(SESSION_BREAKS, SESSION_BREAKS.signatures().get(0), breakArguments);
        BoundExpression segmentStart = call(RUNNING_MAX, call(ROW_IF, breaks, rowNumber));
        BoundExpression values = call(SEGMENT_LIST, value, call(DISTANCE, rowNumber, segmentStart));
        return call(SESSION_START, value, values, fromFirst);
    }

    private static boolean isSerial(BoundCall call) {
        // row_cumsum without a restart is one plain window (functions.WindowFunctions)
        return call.function().kind() == FunctionKind.WINDOW && NAMES.contains(call.function().name())
                && !(call.function().name().equals(ROW_CUMSUM) && call.arguments().size() < 2);
    }

    /** The rows since the last restart (all rows without one). */
    private record Segment(BoundExpression rowNumber, BoundExpression starts, BoundExpression start) {
        static Segment of(Optional<BoundExpression> restart) {
            BoundExpression rowNumber = call(ROW_NUMBER);
            BoundExpression starts = restart.isPresent() ? call(SEGMENT_STARTS, rowNumber, restart.get()) : call(SEGMENT_STARTS, rowNumber);
            return new Segment(rowNumber, starts, call(RUNNING_MAX, call(ROW_IF, starts, rowNumber)));
        }

        BoundExpression runStarts(BoundExpression term) {
            return call(RUN_STARTS, starts, term, call(PREVIOUS.get(term.type()), term));
        }
    }

    private static BoundExpression call(FunctionDeclaration function, BoundExpression... arguments) {
        return new BoundCall(function, function.signatures().get(0), List.of(arguments));
    }

    /** A step of a chain: one signature, whose parameters are not checked (the chain is built here, not bound). */
    private static FunctionDeclaration step(FunctionKind kind, String name, KqlType result, SqlRendering rendering) {
        return new FunctionDeclaration(name, kind, ColumnNaming.NONE, List.of(new Signature(List.of(KqlType.DYNAMIC), result, rendering,
                true, true)), "serial " + name);
    }
}
