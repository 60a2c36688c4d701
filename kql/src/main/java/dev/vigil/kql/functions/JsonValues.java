package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;

/** How a value of each type is held inside a dynamic value, for the SQL writers outside this package. */
public final class JsonValues {
    private JsonValues() {
    }

    /** {@code sql}, a value of {@code type}, as a JSON value: datetimes, timespans and guids as Kusto writes them. */
    public static String of(KqlType type, String sql) {
        return Conversions.jsonValue(type, sql);
    }
}
