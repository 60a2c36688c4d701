package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.Parse;
import dev.vigil.kql.plan.ParseCapture;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code parse}: one {@code regexp_extract} per row returning every capture as a struct field (so
 * the expression is matched once), then the fields converted to their types. A row that does not
 * match gets empty strings, which read as empty (strings) or null (other types), as in Kusto.
 */
final class ParseSql {
    private ParseSql() {
    }

    static String select(Parse parse, String input, ExpressionSql expressions) {
        String source = expressions.render(parse.source());
        String regex = SqlLiterals.string(parse.regex());
        String groups = "[" + IntStream.range(0, parse.captures().size())
                .mapToObj(i -> "'c" + i + "'").collect(Collectors.joining(", ")) + "]";
        String inner = "SELECT *, regexp_extract(" + source + ", " + regex + ", " + groups + ") AS __parsed FROM " + input;
        if (parse.filtering()) {
            inner += " WHERE regexp_matches(" + source + ", " + regex + ")";
        }
        List<String> columns = new ArrayList<>();
        for (ColumnSchema column : parse.columns()) {
            columns.add(column(parse, column) + " AS " + SqlIdentifiers.quote(column.name()));
        }
        return "SELECT " + String.join(", ", columns) + " FROM (" + inner + ")";
    }

    private static String column(Parse parse, ColumnSchema column) {
        for (int i = 0; i < parse.captures().size(); i++) {
            ParseCapture capture = parse.captures().get(i);
            if (capture.name().equals(column.name())) {
                return typed("__parsed.c" + i, capture.type());
            }
        }
        return SqlIdentifiers.quote(column.name());
    }

    private static String typed(String text, KqlType type) {
        switch (type) {
            case STRING:
                return text;
            case DYNAMIC:
                return "TRY_CAST(" + text + " AS JSON)";
            case TIMESPAN:
                return "TRY_CAST(NULLIF(" + text + ", '') AS BIGINT)";
            default:
                return "TRY_CAST(NULLIF(" + text + ", '') AS " + DuckDbTypes.sqlType(type) + ")";
        }
    }
}
