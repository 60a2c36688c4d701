package dev.vigil.kql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;

/**
 * A question a compilation asks the data before it can finish: the output columns of an operator
 * whose columns depend on the data ({@code evaluate bag_unpack} or {@code evaluate pivot} without
 * declared columns). The caller runs {@link #sql()} under the same options, turns its rows into columns with
 * {@link #column}, and compiles again with
 * {@link CompileOptions#withDiscoveredColumns}; that compilation does not ask about this operator again.
 *
 * @param key stable id of the operator's place in the query (and in the functions it calls)
 * @param operator what is being probed, for messages: {@code bag_unpack} or {@code pivot}
 * @param sql one DuckDB statement giving two VARCHAR columns, {@code name} and {@code type} (a
 *     KQL type name), one row per discovered column, in output order
 */
public record SchemaProbe(String key, String operator, String sql) {

    /** One row of the probe's result as a column; an unknown type name is taken as {@code dynamic}. */
    public static ColumnSchema column(String name, String typeName) {
        return new ColumnSchema(name, KqlType.fromName(typeName).orElse(KqlType.DYNAMIC));
    }
}
