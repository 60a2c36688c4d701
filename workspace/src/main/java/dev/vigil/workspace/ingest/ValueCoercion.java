package dev.vigil.workspace.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.values.DatetimeText;
import dev.vigil.workspace.values.TimespanText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a JSON-decoded value into the stored value of a KQL type, accepting what Log Analytics
 * accepts. The stored values are: Boolean, Integer, Long, Double, BigDecimal, String, Instant
 * (datetime, 100-nanosecond ticks, UTC), Long ticks (timespan), UUID (guid) and JSON text (dynamic).
 * Stored text, of strings and dynamic values, passes {@link StoredText}'s checks.
 */
final class ValueCoercion {
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigDecimal DECIMAL_LIMIT = BigDecimal.TEN.pow(20);
    private static final int DECIMAL_SCALE = 18;
    /** Characters of a number sent as text, as many digits as a JSON number may have; parsing a longer one costs quadratic time. */
    private static final int MAX_NUMBER_TEXT = 1_000;
    private static final Instant EARLIEST = DuckDbTypes.FIRST_DATETIME;
    private static final Instant LATEST = DuckDbTypes.LAST_DATETIME;

    private ValueCoercion() {
    }

    /** The stored form of {@code raw} in a column of {@code type}; null stays null except for strings. */
    static Object coerce(KqlType type, Object raw) throws InvalidValueException {
        if (raw == null) {
            return type == KqlType.STRING ? "" : null;
        }
        return switch (type) {
            case BOOL -> toBool(raw);
            case INT -> toInt(raw);
            case LONG -> toLong(raw);
            case REAL -> toReal(raw);
            case DECIMAL -> toDecimal(raw);
            case STRING -> toText(raw);
            case DATETIME -> toDatetime(raw);
            case TIMESPAN -> toTimespan(raw);
            case GUID -> toGuid(raw);
            case DYNAMIC -> toDynamic(raw);
        };
    }

    private static Boolean toBool(Object raw) throws InvalidValueException {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            String lower = s.trim().toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.valueOf(lower);
            }
        }
        throw new InvalidValueException(describe(raw) + " is not a bool; expected true or false");
    }

    private static Integer toInt(Object raw) throws InvalidValueException {
        BigInteger value = integral(raw, "int");
        if (value.bitLength() > 31) {
            throw new InvalidValueException(describe(raw) + " is out of the range of int (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
        }
        return value.intValue();
    }

    private static Long toLong(Object raw) throws InvalidValueException {
        BigInteger value = integral(raw, "long");
        if (value.bitLength() > 63) {
            throw new InvalidValueException(describe(raw) + " is out of the range of long (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
        return value.longValue();
    }

    private static BigInteger integral(Object raw, String typeName) throws InvalidValueException {
        if (raw instanceof Integer || raw instanceof Long) {
            // what JSON integers decode to: whole already, no need to go through BigDecimal
            return BigInteger.valueOf(((Number) raw).longValue());
        }
        BigDecimal number = number(raw, typeName);
        if (integerDigits(number) > 19) {
            // out of range of long, so of int too; checked before expanding 1e999999999 into its digits
            return BigInteger.TEN.pow(19).multiply(BigInteger.valueOf(number.signum()));
        }
        number = number.stripTrailingZeros();
        if (number.scale() > 0) {
            throw new InvalidValueException(describe(raw) + " is not a whole number, as " + typeName + " requires");
        }
        return number.toBigIntegerExact();
    }

    /**
     * Digits before the point, negative for values below 0.1, read off the number's precision and
     * scale: expanding {@code 1e999999999} or {@code 1e-999999999} would take a billion digits.
     */
    private static long integerDigits(BigDecimal number) {
        return number.signum() == 0 ? 0 : (long) number.precision() - number.scale();
    }

    private static BigDecimal number(Object raw, String typeName) throws InvalidValueException {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d);
            }
        } else if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (raw instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        } else if (raw instanceof String s && s.length() <= MAX_NUMBER_TEXT) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidValueException(describe(raw) + " is not a number, as " + typeName + " requires");
    }

    private static Double toReal(Object raw) throws InvalidValueException {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            String text = s.trim();
            switch (text) {
                case "NaN": return Double.NaN;
                case "Infinity": case "+Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
            try {
                if (text.length() <= MAX_NUMBER_TEXT) {
                    return new BigDecimal(text).doubleValue();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidValueException(describe(raw) + " is not a number, as real requires");
    }

    private static BigDecimal toDecimal(Object raw) throws InvalidValueException {
        BigDecimal number = number(raw, "decimal");
        long digits = integerDigits(number);
        if (digits < -DECIMAL_SCALE) {
            // rounds to zero; rounding 1e-999999999 would divide by a billion-digit power of ten
            return BigDecimal.ZERO.setScale(DECIMAL_SCALE);
        }
        BigDecimal value = digits > 21 ? number : number.setScale(DECIMAL_SCALE, RoundingMode.HALF_EVEN);
        if (value.abs().compareTo(DECIMAL_LIMIT) >= 0) {
            throw new InvalidValueException(describe(raw) + " is out of the range of decimal (at most 20 digits before the point)");
        }
        return value;
    }

    private static String toText(Object raw) throws InvalidValueException {
        if (raw instanceof String s) {
            return StoredText.check(s);
        }
        if (raw instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        return jsonText(raw);
    }

    private static Instant toDatetime(Object raw) throws InvalidValueException {
        if (raw instanceof String s) {
            Optional<Instant> parsed = DatetimeText.parse(s);
            if (parsed.isPresent()) {
                Instant instant = parsed.get();
                if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                    throw new InvalidValueException(describe(raw) + " is outside the datetime range stored (" + DatetimeText.format(EARLIEST) + " to "
                            + DatetimeText.format(LATEST) + ")");
                }
                return instant;
            }
        }
        throw new InvalidValueException(describe(raw)
                + " is not an ISO 8601 datetime such as 2021-01-20T10:00:00Z or 2021-01-20T10:00:00.123+02:00");
    }

    private static Long toTimespan(Object raw) throws InvalidValueException {
        if (raw instanceof String s) {
            Optional<Long> ticks = TimespanText.parse(s);
            if (ticks.isPresent()) {
                return ticks.get();
            }
        }
        throw new InvalidValueException(describe(raw) + " is not a timespan such as 01:30:00 or 2.00:00:00.5");
    }

    private static UUID toGuid(Object raw) throws InvalidValueException {
        if (raw instanceof String s && GUID.matcher(s.trim()).matches()) {
            return UUID.fromString(s.trim());
        }
        throw new InvalidValueException(describe(raw) + " is not a guid such as 9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f");
    }

    private static String toDynamic(Object raw) throws InvalidValueException {
        if (raw instanceof String s) {
            String trimmed = s.trim();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    JsonNode parsed = JSON.readTree(trimmed);
                    return StoredText.check(JSON.writeValueAsString(parsed));
                } catch (JsonProcessingException e) {
                    // Not JSON after all: kept as the string it is.
                }
            }
        }
        return jsonText(raw);
    }

    private static String jsonText(Object raw) throws InvalidValueException {
        try {
            return StoredText.check(JSON.writeValueAsString(raw));
        } catch (JsonProcessingException e) {
            throw new InvalidValueException("the value cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** The value as the user wrote it, cut short so that a reason stays readable. */
    private static String describe(Object raw) {
        String text;
        if (raw instanceof String s) {
            text = "'" + s + "'";
        } else if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            text = raw instanceof Map<?, ?> ? "a JSON object" : "a JSON array";
        } else {
            text = String.valueOf(raw);
        }
        return text.length() > 80 ? text.substring(0, 77) + "...'" : text;
    }
}
