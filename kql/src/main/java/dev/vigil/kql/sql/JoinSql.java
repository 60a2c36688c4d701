package dev.vigil.kql.sql;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.plan.AddressMatch;
import dev.vigil.kql.plan.Join;
import dev.vigil.kql.plan.JoinColumn;
import dev.vigil.kql.plan.JoinKey;
import dev.vigil.kql.plan.JoinKind;
import dev.vigil.kql.plan.UniqueKeys;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
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

    private static final String MATCH_LEFT = "__match_left";
    private static final String MATCH_RIGHT = "__match_right";

    static String select(Join join, String leftStage, String rightStage, ExpressionSql expressions) {
        List<String> conditions = new ArrayList<>(join.keys().stream()
                .map(k -> "l." + SqlIdentifiers.quote(k.left()) + " = r." + SqlIdentifiers.quote(k.right())).toList());
        String left = leftStage;
        String right = rightStage;
        if (join.addressMatch().isPresent()) {
            // the address columns get names of their own, so that the match reads them unqualified whatever the sides hold
            AddressMatch match = join.addressMatch().get();
            left = "(SELECT *, " + SqlIdentifiers.quote(match.left()) + " AS " + SqlIdentifiers.quote(MATCH_LEFT) + " FROM " + leftStage + ")";
            right = "(SELECT *, " + SqlIdentifiers.quote(match.right()) + " AS " + SqlIdentifiers.quote(MATCH_RIGHT) + " FROM " + rightStage + ")";
            conditions.add(expressions.render(new BoundCall(match.test(), match.test().signatures().get(0),
                    List.of(new BoundColumn(MATCH_LEFT, KqlType.STRING), new BoundColumn(MATCH_RIGHT, KqlType.STRING)))));
        }
        String on = String.join(" AND ", conditions);
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
