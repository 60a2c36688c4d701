package dev.vigil.kql.sql;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB refuses a window in a window's arguments ({@code row_cumsum(prev(x))}, and the chains of
 * {@link SerialWindows}). Such an argument is computed first, as a hidden column of an inner SELECT over the
 * input ({@code SELECT *, ... AS "__w0" FROM input}), one inner SELECT per level of nesting; the outer window
 * then reads the column. Expressions without nested windows are left as they are, and the input too.
 */
final class WindowStages {
    private static final String HIDDEN = "__w";

    /** The rewritten expressions, the input they read (the original, or the inner SELECTs), and the hidden column names. */
    record Staged(List<BoundExpression> expressions, String input, List<String> hidden) {
    }

    private final List<Map<BoundExpression, String>> levels = new ArrayList<>();
    private final Map<BoundExpression, String> names = new HashMap<>();

    private WindowStages() {
    }

    /** {@code expressions} over {@code input}, staged where windows nest. */
    static Staged of(List<BoundExpression> expressions, String input, ExpressionSql sql) {
        if (expressions.stream().noneMatch(e -> SerialWindows.contains(e) || nestsWindows(e))) {
            return new Staged(expressions, input, List.of());
        }
        WindowStages stages = new WindowStages();
        List<BoundExpression> rewritten = new ArrayList<>();
        for (BoundExpression expression : expressions) {
            rewritten.add(stages.rewrite(SerialWindows.expand(expression)).expression());
        }
        String from = input;
        List<String> hidden = new ArrayList<>();
        for (Map<BoundExpression, String> level : stages.levels) {
            StringBuilder select = new StringBuilder("(SELECT *");
            level.forEach((expression, name) -> {
                select.append(", ").append(sql.render(expression)).append(" AS ").append(SqlIdentifiers.quote(name));
                hidden.add(name);
            });
            from = select.append(" FROM ").append(from).append(")").toString();
        }
        return new Staged(rewritten, from, hidden);
    }

    private static boolean nestsWindows(BoundExpression expression) {
        if (!(expression instanceof BoundCall call)) {
            return false;
        }
        if (call.function().isWindow()) {
            return call.arguments().stream().anyMatch(WindowCalls::contains);
        }
        return call.arguments().stream().anyMatch(WindowStages::nestsWindows);
    }

    /** An expression whose windows have plain arguments, and the last stage whose hidden columns it reads (0: none). */
    private record Rewritten(BoundExpression expression, int level, boolean hasWindow) {
    }

    private Rewritten rewrite(BoundExpression expression) {
        if (!(expression instanceof BoundCall call)) {
            return new Rewritten(expression, 0, false);
        }
        List<BoundExpression> arguments = new ArrayList<>();
        int level = 0;
        boolean hasWindow = call.function().isWindow();
        for (BoundExpression argument : call.arguments()) {
            Rewritten inner = rewrite(argument);
            BoundExpression value = inner.expression();
            int innerLevel = inner.level();
            if (inner.hasWindow() && call.function().isWindow()) {
                innerLevel = inner.level() + 1;
                value = new BoundColumn(hide(value, innerLevel), value.type());
            } else {
                hasWindow |= inner.hasWindow();
            }
            arguments.add(value);
            level = Math.max(level, innerLevel);
        }
        return new Rewritten(new BoundCall(call.function(), call.signature(), arguments), level, hasWindow);
    }

    /** The hidden column computing {@code expression} at stage {@code level} (1 is the first inner SELECT). */
    private String hide(BoundExpression expression, int level) {
        String existing = names.get(expression);
        if (existing != null) {
            return existing;
        }
        while (levels.size() < level) {
            levels.add(new LinkedHashMap<>());
        }
        String name = HIDDEN + names.size();
        names.put(expression, name);
        levels.get(level - 1).put(expression, name);
        return name;
    }
}
