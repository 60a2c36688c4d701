package dev.vigil.kql.sql;

import dev.vigil.kql.types.KqlType;

/** How each KQL type is stored in DuckDB; the one place this mapping is written down. */
public final class DuckDbTypes {
    private DuckDbTypes() {
    }

    public static String sqlType(KqlType type) {
        return switch (type) {
            case BOOL -> "BOOLEAN";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case REAL -> "DOUBLE";
            case DECIMAL -> "DECIMAL(38,18)";
            case STRING -> "VARCHAR";
            case DATETIME -> "TIMESTAMP";
            case TIMESPAN -> "BIGINT";
            case GUID -> "UUID";
            case DYNAMIC -> "JSON";
        };
    }
}
