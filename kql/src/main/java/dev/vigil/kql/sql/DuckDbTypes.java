package dev.vigil.kql.sql;

import dev.vigil.kql.types.KqlType;

/**
 * The one mapping from KQL types to DuckDB column types, shared by the SQL generator and the
 * workspace's DDL. Timespans are BIGINT counts of 100-nanosecond ticks; datetimes are UTC
 * TIMESTAMPs with microseconds; strings are never null in storage.
 */
public final class DuckDbTypes {
    private DuckDbTypes() {
    }

    public static String sqlType(KqlType type) {
        switch (type) {
            case BOOL: return "BOOLEAN";
            case INT: return "INTEGER";
            case LONG: return "BIGINT";
            case REAL: return "DOUBLE";
            case DECIMAL: return "DECIMAL(38,18)";
            case STRING: return "VARCHAR";
            case DATETIME: return "TIMESTAMP";
            case TIMESPAN: return "BIGINT";
            case GUID: return "UUID";
            case DYNAMIC: return "JSON";
            default: throw new IllegalArgumentException("no DuckDB type for " + type);
        }
    }
}
