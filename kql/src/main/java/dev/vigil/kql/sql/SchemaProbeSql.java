package dev.vigil.kql.sql;

import dev.vigil.kql.types.KqlType;

/**
 * The SQL of schema probes: queries over an operator's input (reduced to one column,
 * {@code __probe}) that give the operator's data-dependent columns as rows of {@code name} and
 * {@code type} (a KQL type name), sorted by name, at most {@code limit} rows.
 */
public final class SchemaProbeSql {
    private SchemaProbeSql() {
    }

    /**
     * The top-level properties of the bags, each typed as Kusto types unpacked values: a JSON
     * string is a string, an integer a long, a real a real, a boolean a bool, an object or array
     * dynamic; a property whose non-null values have several types, or only nulls, is dynamic.
     */
    public static String bagProperties(String input, int limit) {
        return "SELECT name, CASE WHEN count(DISTINCT kind) = 1 THEN min(kind) ELSE 'dynamic' END AS type\n"
                + "FROM (SELECT property.key AS name, CASE property.type WHEN 'VARCHAR' THEN 'string' WHEN 'BIGINT' THEN 'long' "
                + "WHEN 'UBIGINT' THEN 'long' WHEN 'DOUBLE' THEN 'real' WHEN 'BOOLEAN' THEN 'bool' WHEN 'NULL' THEN NULL "
                + "ELSE 'dynamic' END AS kind\n"
                + "      FROM (" + input + ") AS probe_input, json_each(probe_input.__probe) AS property\n"
                + "      WHERE json_type(probe_input.__probe) = 'OBJECT' AND property.key <> '')\n"
                + "GROUP BY name ORDER BY name LIMIT " + limit;
    }

    /** The distinct non-empty values of the probed column, each a column of {@code type}. */
    public static String distinctValues(String input, KqlType type, int limit) {
        return "SELECT DISTINCT __probe AS name, '" + type.kqlName() + "' AS type\n"
                + "FROM (" + input + ") AS probe_input WHERE __probe IS NOT NULL AND __probe <> ''\n"
                + "ORDER BY name LIMIT " + limit;
    }
}
