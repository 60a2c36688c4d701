package dev.vigil.kql.sql;

import dev.vigil.kql.functions.DatetimeTicks;
import dev.vigil.kql.functions.DynamicDatetime;
import dev.vigil.kql.plan.MakeSeries;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.SeriesAggregate;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code make-series} in three steps: rows are given their bin number ({@code floor((axis - start) / step)},
 * datetimes counted in microseconds) and those outside {@code [start, end)} dropped; each aggregate
 * is computed per group and bin; each group's bins are gathered into a map from bin number to value,
 * which the final SELECT turns into a JSON array with the default where a bin has no value.
 */
final class MakeSeriesSql {
    private static final String BOUNDS = "__start, __step, __bins";

    private MakeSeriesSql() {
    }

    static String select(MakeSeries series, String input, ExpressionSql expressions) {
        boolean datetime = series.axis().type() == KqlType.DATETIME;
        String axis = domain(expressions.render(series.axis()), datetime);
        String step = "(" + expressions.render(series.step()) + ")";
        String start = series.from().map(f -> domain(expressions.render(f), datetime))
                .orElse("(SELECT floor(min(" + axis + ") / " + step + ") * " + step + " FROM " + input + ")");
        String end = series.to().map(t -> domain(expressions.render(t), datetime))
                .orElse("(SELECT (floor(max(" + axis + ") / " + step + ") + 1) * " + step + " FROM " + input + ")");
        String domainType = series.axis().type() == KqlType.REAL ? "DOUBLE" : "BIGINT";
        String bounds = "(SELECT CAST(" + start + " AS " + domainType + ") AS __start, " + step + " AS __step, "
                + "CAST(greatest(ceil((" + end + " - " + start + ") / " + step + "), 0) AS BIGINT) AS __bins)";
        String binned = "SELECT *, CAST(floor((" + axis + " - __start) / __step) AS BIGINT) AS __bin FROM " + input
                + " CROSS JOIN " + bounds + " AS __bounds WHERE " + axis + " >= __start AND " + axis + " < __start + __bins * __step";

        int groupCount = series.groups().size();
        List<String> perBin = new ArrayList<>();
        for (OutputColumn group : series.groups()) {
            perBin.add(ProjectSql.column(group, expressions));
        }
        perBin.add("__bin");
        for (int i = 0; i < series.aggregates().size(); i++) {
            perBin.add(expressions.render(series.aggregates().get(i).aggregate()) + " AS " + value(i));
        }
        perBin.add(BOUNDS);
        int boundsAt = groupCount + 2 + series.aggregates().size();
        String binGroups = positions(1, groupCount + 1) + ", " + positions(boundsAt, boundsAt + 2);
        String aggregated = "SELECT " + String.join(", ", perBin) + " FROM (" + binned + ") GROUP BY " + binGroups;

        List<String> perGroup = new ArrayList<>();
        series.groups().forEach(g -> perGroup.add(SqlIdentifiers.quote(g.name())));
        for (int i = 0; i < series.aggregates().size(); i++) {
            perGroup.add("map_from_entries(list({'key': __bin, 'value': " + value(i) + "})) AS " + map(i));
        }
        perGroup.add(BOUNDS);
        String groupBy = groupCount == 0 ? "" : positions(1, groupCount) + ", ";
        int groupBoundsAt = groupCount + 1 + series.aggregates().size();
        String gathered = "SELECT " + String.join(", ", perGroup) + " FROM (" + aggregated + ") GROUP BY " + groupBy
                + positions(groupBoundsAt, groupBoundsAt + 2);

        List<String> columns = new ArrayList<>();
        series.groups().forEach(g -> columns.add(SqlIdentifiers.quote(g.name())));
        for (int i = 0; i < series.aggregates().size(); i++) {
            SeriesAggregate aggregate = series.aggregates().get(i);
            String fallback = expressions.render(aggregate.defaultValue());
            columns.add("to_json(list_transform(range(__bins), lambda __k: coalesce(" + map(i) + "[__k], " + fallback + "))) AS "
                    + SqlIdentifiers.quote(aggregate.name()));
        }
        columns.add(axisValues(series, datetime, expressions) + " AS " + SqlIdentifiers.quote(series.axisName()));
        String select = "SELECT " + String.join(", ", columns) + " FROM (" + gathered + ")";
        return series.nonEmpty() ? select + " UNION ALL " + defaults(series, datetime, input, bounds, expressions) : select;
    }

    /**
     * kind=nonempty's row for an empty input: the groups empty (strings '', others null), each series its default in
     * every bin of [from, to), and the axis.
     */
    private static String defaults(MakeSeries series, boolean datetime, String input, String bounds, ExpressionSql expressions) {
        List<String> columns = new ArrayList<>();
        series.groups().forEach(g -> columns.add((g.schema().type() == KqlType.STRING ? "''" : "NULL") + " AS " + SqlIdentifiers.quote(g.name())));
        for (SeriesAggregate aggregate : series.aggregates()) {
            columns.add("to_json(list_transform(range(__bins), lambda __k: " + expressions.render(aggregate.defaultValue()) + ")) AS "
                    + SqlIdentifiers.quote(aggregate.name()));
        }
        columns.add(axisValues(series, datetime, expressions) + " AS " + SqlIdentifiers.quote(series.axisName()));
        // without from and to the bounds come from the rows, of which there are none: no bins
        return "SELECT " + String.join(", ", columns) + " FROM (SELECT __start, __step, coalesce(__bins, 0) AS __bins FROM " + bounds
                + " AS __bounds) WHERE NOT EXISTS (SELECT 1 FROM " + input + ")";
    }

    /** The axis as a number: datetimes and timespans as ticks. */
    private static String domain(String value, boolean datetime) {
        return datetime ? DatetimeTicks.unixTicks(value) : value;
    }

    /** The axis array: datetimes as Kusto prints them in dynamic values, with seven fraction digits. */
    private static String axisValues(MakeSeries series, boolean datetime, ExpressionSql expressions) {
        String point = "__start + __k * __step";
        if (datetime) {
            return "to_json(list_transform(range(__bins), lambda __k: " + DynamicDatetime.text(DatetimeTicks.fromUnixTicks("CAST(" + point + " AS BIGINT)"))
                    + "))";
        }
        if (series.axis().type() == KqlType.TIMESPAN) {
            return "to_json(list_transform(list_transform(range(__bins), lambda __k: CAST(" + point + " AS BIGINT)), lambda "
                    + MakeSeries.AXIS_VALUE + ": " + expressions.render(series.axisText()) + "))";
        }
        return "to_json(list_transform(range(__bins), lambda __k: " + point + "))";
    }

    private static String positions(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String value(int index) {
        return "__value" + index;
    }

    private static String map(int index) {
        return "__bins" + index;
    }
}
