package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Join;
import dev.vigil.kql.plan.JoinColumn;
import dev.vigil.kql.plan.JoinKey;
import dev.vigil.kql.plan.JoinKind;
import dev.vigil.kql.plan.UniqueKeys;
import dev.vigil.kql.types.KqlType;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code join} and {@code lookup}: a SQL join on the key equalities. {@code innerunique} first keeps
 * one left row per key ({@code DISTINCT ON}), unless the left side is already unique on its keys
 * (the output of {@code summarize ... by} them, say); semi and anti joins keep one side's columns; string
 * columns of the side an outer join may miss read as empty strings, as Kusto's strings are never null.
 */
final class JoinSql {
    private JoinSql() {
    }

    static String select(Join join, String left, String right) {
        String on = join.keys().stream()
                .map(k -> "l." + SqlIdentifiers.quote(k.left()) + " = r." + SqlIdentifiers.quote(k.right()))
                .collect(Collectors.joining(" AND "));
        String leftInput = left;
        if (join.kind() == JoinKind.INNERUNIQUE && !UniqueKeys.uniqueOn(join.left(), leftKeys(join))) {
            String keys = join.keys().stream().map(k -> SqlIdentifiers.quote(k.left())).distinct().collect(Collectors.joining(", "));
            leftInput = "(SELECT DISTINCT ON (" + keys + ") * FROM " + left + ")";
        }
        String columns = join.columns().stream().map(c -> column(c, join.kind())).collect(Collectors.joining(", "));
        switch (join.kind()) {
            case LEFTSEMI:
                return "SELECT " + columns + " FROM " + left + " AS l SEMI JOIN " + right + " AS r ON " + on;
            case LEFTANTI:
                return "SELECT " + columns + " FROM " + left + " AS l ANTI JOIN " + right + " AS r ON " + on;
            case RIGHTSEMI:
                return "SELECT " + columns + " FROM " + right + " AS r SEMI JOIN " + left + " AS l ON " + on;
            case RIGHTANTI:
                return "SELECT " + columns + " FROM " + right + " AS r ANTI JOIN " + left + " AS l ON " + on;
            default:
                return "SELECT " + columns + " FROM " + leftInput + " AS l " + sqlJoin(join.kind()) + " " + right + " AS r ON " + on;
        }
    }

    private static Set<String> leftKeys(Join join) {
        return join.keys().stream().map(JoinKey::left).collect(Collectors.toSet());
    }

    private static String sqlJoin(JoinKind kind) {
        switch (kind) {
            case LEFTOUTER: return "LEFT JOIN";
            case RIGHTOUTER: return "RIGHT JOIN";
            case FULLOUTER: return "FULL JOIN";
            default: return "JOIN";
        }
    }

    private static String column(JoinColumn column, JoinKind kind) {
        String source = (column.fromLeft() ? "l." : "r.") + SqlIdentifiers.quote(column.source());
        boolean mayBeMissing = column.fromLeft()
                ? kind == JoinKind.RIGHTOUTER || kind == JoinKind.FULLOUTER
                : kind == JoinKind.LEFTOUTER || kind == JoinKind.FULLOUTER;
        if (mayBeMissing && column.type() == KqlType.STRING) {
            source = "coalesce(" + source + ", '')";
        }
        return source + " AS " + SqlIdentifiers.quote(column.name());
    }
}
