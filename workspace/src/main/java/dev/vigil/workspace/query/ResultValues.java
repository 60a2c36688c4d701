package dev.vigil.workspace.query;

import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.values.DatetimeText;
import dev.vigil.workspace.values.TimespanText;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Encodes a value read from the engine into the form the Log Analytics query API returns for
 * its column's KQL type. Engines hand over: Boolean, Integer/Long, Double, BigDecimal, String,
 * Instant (datetime), Long ticks (timespan), a UUID or its text (guid), JSON text (dynamic).
 */
public final class ResultValues {
    private ResultValues() {
    }

    public static Object encode(KqlType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case BOOL -> value instanceof Boolean ? value : Boolean.valueOf(value.toString());
            case INT -> ((Number) value).intValue();
            case LONG -> ((Number) value).longValue();
            case REAL -> real(((Number) value).doubleValue());
            case DECIMAL -> decimal(value);
            case STRING, GUID -> value.toString();
            case DATETIME -> DatetimeText.format((Instant) value);
            case TIMESPAN -> TimespanText.format(((Number) value).longValue());
            case DYNAMIC -> value.toString();
        };
    }

    /** JSON has no NaN or infinities; the query API writes them as strings. */
    private static Object real(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return value;
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
