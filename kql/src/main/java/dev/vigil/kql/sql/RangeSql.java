package dev.vigil.kql.sql;

import dev.vigil.kql.functions.DatetimeTicks;
import dev.vigil.kql.plan.RangeSource;
import dev.vigil.kql.types.KqlType;

/**
 * {@code range}: a series of step numbers {@code i = 0..n} mapped to {@code from + i * step}, which
 * works the same for numbers, timespans and datetimes (both counted in ticks).
 */
final class RangeSql {
    private RangeSql() {
    }

    static String select(RangeSource range, ExpressionSql expressions) {
        String from = expressions.render(range.from());
        String to = expressions.render(range.to());
        String step = expressions.render(range.step());
        KqlType type = range.from().type();
        String count;
        String value;
        if (type == KqlType.DATETIME) {
            count = "CAST(floor(" + DatetimeTicks.difference(to, from) + " / (" + step + ")) AS BIGINT)";
            value = DatetimeTicks.shift(from, "+", "__range.i * " + step);
        } else {
            count = "CAST(floor((" + to + " - " + from + ") / (" + step + ")) AS BIGINT)";
            value = "(" + from + " + __range.i * " + step + ")";
        }
        return "SELECT CAST(" + value + " AS " + DuckDbTypes.sqlType(type) + ") AS " + SqlIdentifiers.quote(range.name())
                + " FROM generate_series(0, " + count + ") AS __range(i)";
    }
}
