package dev.vigil.kql.sql;

import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Constants written as DuckDB literals of exactly the physical type of their KQL type. */
final class SqlLiterals {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSS");

    private SqlLiterals() {
    }

    static String literal(Optional<Object> value, KqlType type) {
        if (value.isEmpty()) {
            return nullOf(type);
        }
        Object v = value.get();
        switch (type) {
            case BOOL: return ((Boolean) v) ? "TRUE" : "FALSE";
            case INT: return "CAST(" + v + " AS INTEGER)";
            case LONG:
            case TIMESPAN: return "CAST(" + v + " AS BIGINT)";
            case REAL: return real((Double) v);
            case STRING: return string((String) v);
            case DATETIME: return datetime((Instant) v);
            case DYNAMIC: return "CAST(" + string((String) v) + " AS JSON)";
            case GUID: return "CAST(" + string(v.toString()) + " AS UUID)";
            case DECIMAL: return "CAST(" + string(v.toString()) + " AS " + DuckDbTypes.sqlType(type) + ")";
            default: throw new IllegalArgumentException("no literal for " + type);
        }
    }

    static String nullOf(KqlType type) {
        return "CAST(NULL AS " + DuckDbTypes.sqlType(type) + ")";
    }

    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A TIMESTAMP_NS literal to the tick. Instants outside what a TIMESTAMP_NS holds are moved to its
     * nearest end, so that a wide time range or a far sentinel such as datetime(9999-12-31) still
     * compares as it should with every stored value.
     */
    static String datetime(Instant value) {
        Instant held = value.isBefore(DuckDbTypes.FIRST_DATETIME) ? DuckDbTypes.FIRST_DATETIME
                : value.isAfter(DuckDbTypes.LAST_DATETIME) ? DuckDbTypes.LAST_DATETIME : value;
        LocalDateTime utc = LocalDateTime.ofInstant(held, ZoneOffset.UTC);
        return "TIMESTAMP_NS '" + TIMESTAMP.format(utc) + "'";
    }

    private static String real(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "CAST('" + (Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity") + "' AS DOUBLE)";
        }
        return "CAST(" + value + " AS DOUBLE)";
    }
}
