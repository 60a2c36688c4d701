package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.NestedLevel;
import dev.vigil.kql.plan.TopNested;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code top-nested}, level by level: the input rows of the kept parents are grouped by the
 * level's key, ranked by the aggregate within their parent, and the best kept. The rows of
 * {@code with others} aggregate the input rows of the keys ranked out. The last level's rows and
 * every level's others rows (deeper columns empty) are the result.
 */
final class TopNestedSql {
    private TopNestedSql() {
    }

    static String select(TopNested top, String input, ExpressionSql expressions) {
        List<NestedLevel> levels = top.levels();
        List<String> pieces = new ArrayList<>();
        String kept = null;
        for (int i = 0; i < levels.size(); i++) {
            NestedLevel level = levels.get(i);
            String aggregate = expressions.render(level.aggregate());
            String grouped;
            if (i == 0) {
                grouped = "SELECT b." + level.keyColumn() + " AS " + key(0) + ", " + aggregate + " AS " + agg(0) + " FROM " + input
                        + " AS b GROUP BY 1";
            } else {
                grouped = "SELECT " + parentColumns("p", i) + ", b." + level.keyColumn() + " AS " + key(i) + ", " + aggregate + " AS "
                        + agg(i) + " FROM " + input + " AS b JOIN (" + kept + ") AS p ON " + keysMatch(top, "p", i)
                        + " GROUP BY " + positions(2 * i + 1);
            }
            String partition = i == 0 ? "" : "PARTITION BY " + IntStream.range(0, i).mapToObj(TopNestedSql::key)
                    .collect(Collectors.joining(", ")) + " ";
            String ranked = "SELECT *, row_number() OVER (" + partition + "ORDER BY " + agg(i) + (level.ascending() ? " ASC" : " DESC")
                    + ") AS __rank FROM (" + grouped + ")";
            kept = "SELECT * EXCLUDE (__rank) FROM (" + ranked + ")" + level.count().map(n -> " WHERE __rank <= " + n).orElse("");
            if (level.others().isPresent() && level.count().isPresent()) {
                String others = "SELECT " + (i == 0 ? "" : parentColumns("r", i) + ", ") + expressions.render(level.others().get())
                        + " AS " + key(i) + ", " + aggregate + " AS " + agg(i) + " FROM " + input + " AS b JOIN (" + ranked + ") AS r ON "
                        + keysMatch(top, "r", i + 1) + " WHERE r.__rank > " + level.count().get()
                        + (i == 0 ? "" : " GROUP BY " + positions(2 * i)) + " HAVING count(*) > 0";
                pieces.add(padded(top, others, i + 1));
            }
        }
        pieces.add(0, padded(top, kept, levels.size()));
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            columns.add(key(i) + " AS " + SqlIdentifiers.quote(levels.get(i).keyName()));
            columns.add(agg(i) + " AS " + SqlIdentifiers.quote(levels.get(i).aggregateName()));
        }
        return "SELECT " + String.join(", ", columns) + " FROM (" + String.join(" UNION ALL ", pieces) + ")";
    }

    /** The rows of {@code sql}, which has the first {@code depth} levels' columns, with the deeper ones empty. */
    private static String padded(TopNested top, String sql, int depth) {
        if (depth == top.levels().size()) {
            return "SELECT * FROM (" + sql + ")";
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < top.levels().size(); i++) {
            if (i < depth) {
                columns.add(key(i));
                columns.add(agg(i));
            } else {
                ColumnSchema keyColumn = top.columns().get(2 * i);
                ColumnSchema aggregateColumn = top.columns().get(2 * i + 1);
                columns.add((keyColumn.type() == KqlType.STRING ? "''" : "CAST(NULL AS " + DuckDbTypes.sqlType(keyColumn.type()) + ")")
                        + " AS " + key(i));
                columns.add("CAST(NULL AS " + DuckDbTypes.sqlType(aggregateColumn.type()) + ") AS " + agg(i));
            }
        }
        return "SELECT " + String.join(", ", columns) + " FROM (" + sql + ")";
    }

    private static String parentColumns(String alias, int depth) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            columns.add(alias + "." + key(i));
            columns.add(alias + "." + agg(i));
        }
        return String.join(", ", columns);
    }

    private static String keysMatch(TopNested top, String alias, int depth) {
        return IntStream.range(0, depth).mapToObj(i -> "b." + top.levels().get(i).keyColumn() + " IS NOT DISTINCT FROM " + alias + "." + key(i))
                .collect(Collectors.joining(" AND "));
    }

    private static String positions(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String key(int level) {
        return "__level_key" + level;
    }

    private static String agg(int level) {
        return "__level_agg" + level;
    }
}
