package dev.vigil.kql.plan;

import dev.vigil.kql.KqlQuoting;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;

/** A constant written back as the KQL literal that means it ({@code "High"}, {@code datetime(...)}, {@code 1h}), for explain output. */
final class KqlLiteralText {
    private KqlLiteralText() {
    }

    static String of(BoundLiteral literal) {
        KqlType type = literal.type();
        if (literal.value().isEmpty()) {
            return type == KqlType.STRING ? KqlQuoting.stringLiteral("") : type.kqlName() + "(null)";
        }
        Object value = literal.value().get();
        return switch (type) {
            case STRING -> KqlQuoting.stringLiteral((String) value);
            case LONG, BOOL -> String.valueOf(value);
            case INT -> "int(" + value + ")";
            case REAL -> real((Double) value);
            case DECIMAL -> "decimal(" + value + ")";
            case DATETIME -> datetime(value);
            case TIMESPAN -> KqlQuoting.timespanLiteral((Long) value);
            case GUID -> "guid(" + value + ")";
            case DYNAMIC -> "dynamic(" + value + ")";
        };
    }

    private static String datetime(Object value) {
        if (value instanceof Instant instant && !instant.isBefore(KqlQuoting.FIRST_DATETIME) && !instant.isAfter(KqlQuoting.LAST_DATETIME)) {
            return KqlQuoting.datetimeLiteral(instant);
        }
        // a time filter far out of range still prints, though no query could write it
        return "datetime(" + value + ")";
    }

    private static String real(double value) {
        if (Double.isNaN(value)) {
            return "real(nan)";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "real(+inf)" : "real(-inf)";
        }
        return String.valueOf(value);
    }
}
