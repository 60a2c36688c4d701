package dev.vigil.kql.sql;

import dev.vigil.kql.types.KqlType;
import java.time.Instant;

/**
 * The one mapping from KQL types to DuckDB column types, shared by the SQL generator and the
 * workspace's DDL. Timespans are BIGINT counts of 100-nanosecond ticks; datetimes are UTC
 * TIMESTAMP_NS values holding whole ticks, as Kusto's do; strings are never null in storage.
 */
public final class DuckDbTypes {
    /**
     * The earliest datetime a TIMESTAMP_NS holds (its 64 bits of nanoseconds reach from 1677 to 2262;
     * Kusto's datetimes reach from year 1 to 9999), to the second inside DuckDB's limit.
     */
    public static final Instant FIRST_DATETIME = Instant.ofEpochSecond(-9_223_372_035L);
    /** The latest datetime a TIMESTAMP_NS holds, as a whole tick inside DuckDB's limit. */
    public static final Instant LAST_DATETIME = Instant.ofEpochSecond(9_223_372_035L, 999_999_900);

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
            case DATETIME: return "TIMESTAMP_NS";
            case TIMESPAN: return "BIGINT";
            case GUID: return "UUID";
            case DYNAMIC: return "JSON";
            default: throw new IllegalArgumentException("no DuckDB type for " + type);
        }
    }
}
