package dev.vigil.kql.types;

import java.util.Locale;
import java.util.Optional;

/**
 * The scalar types of KQL, named as Kusto and the Log Analytics query API name them.
 *
 * <p>Physical representation in DuckDB (decided once, in {@code dev.vigil.kql.sql.DuckDbTypes}):
 * datetime is TIMESTAMP_NS holding whole 100-nanosecond ticks, timespan is BIGINT holding ticks as
 * Kusto counts them, dynamic is JSON.
 */
public enum KqlType {
    BOOL("bool"),
    INT("int"),
    LONG("long"),
    REAL("real"),
    DECIMAL("decimal"),
    STRING("string"),
    DATETIME("datetime"),
    TIMESPAN("timespan"),
    GUID("guid"),
    DYNAMIC("dynamic");

    private final String kqlName;

    KqlType(String kqlName) {
        this.kqlName = kqlName;
    }

    /** The name KQL and the query API use, e.g. {@code datetime}. */
    public String kqlName() {
        return kqlName;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == REAL || this == DECIMAL;
    }

    /**
     * Parses a type name as written in KQL and in table definitions, accepting Kusto's aliases
     * ({@code boolean}, {@code double}, {@code date}, {@code time}, {@code uniqueid}, {@code int32}, {@code int64}).
     */
    public static Optional<KqlType> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "bool": case "boolean": return Optional.of(BOOL);
            case "int": case "int32": return Optional.of(INT);
            case "long": case "int64": return Optional.of(LONG);
            case "real": case "double": return Optional.of(REAL);
            case "decimal": return Optional.of(DECIMAL);
            case "string": return Optional.of(STRING);
            case "datetime": case "date": return Optional.of(DATETIME);
            case "timespan": case "time": return Optional.of(TIMESPAN);
            case "guid": case "uniqueid": return Optional.of(GUID);
            case "dynamic": return Optional.of(DYNAMIC);
            default: return Optional.empty();
        }
    }
}
