package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.Union;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code union}: UNION ALL of legs written to the common schema; a leg without a column fills it with null (strings: empty). */
final class UnionSql {
    private UnionSql() {
    }

    static String select(Union union, List<String> legStages) {
        List<String> legs = new ArrayList<>();
        for (int leg = 0; leg < legStages.size(); leg++) {
            List<String> columns = new ArrayList<>();
            if (union.sourceColumn().isPresent()) {
                columns.add(SqlLiterals.string(union.legNames().get(leg)) + " AS " + SqlIdentifiers.quote(union.sourceColumn().get()));
            }
            for (int i = 0; i < union.columns().size(); i++) {
                ColumnSchema column = union.columns().get(i);
                Optional<String> source = union.sources().get(leg).get(i);
                String value = source.map(SqlIdentifiers::quote)
                        .orElse(column.type() == KqlType.STRING ? "''" : SqlLiterals.nullOf(column.type()));
                columns.add(value + " AS " + SqlIdentifiers.quote(column.name()));
            }
            legs.add("SELECT " + String.join(", ", columns) + " FROM " + legStages.get(leg));
        }
        return String.join(" UNION ALL ", legs);
    }
}
