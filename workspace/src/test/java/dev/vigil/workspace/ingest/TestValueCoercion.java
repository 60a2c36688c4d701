package dev.vigil.workspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.IngestionLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestValueCoercion {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(true, KqlType.BOOL, true),
                Arguments.of("false", KqlType.BOOL, false),
                Arguments.of("TRUE", KqlType.BOOL, true),
                Arguments.of(42, KqlType.INT, 42),
                Arguments.of("-7", KqlType.INT, -7),
                Arguments.of(3.0, KqlType.INT, 3),
                Arguments.of(2147483647L, KqlType.INT, 2147483647),
                Arguments.of(9007199254740993L, KqlType.LONG, 9007199254740993L),
                Arguments.of("9223372036854775807", KqlType.LONG, Long.MAX_VALUE),
                Arguments.of(1.5, KqlType.REAL, 1.5),
                Arguments.of(2, KqlType.REAL, 2.0),
                Arguments.of("2.5e3", KqlType.REAL, 2500.0),
                Arguments.of("NaN", KqlType.REAL, Double.NaN),
                Arguments.of("-Infinity", KqlType.REAL, Double.NEGATIVE_INFINITY),
                Arguments.of("12.345", KqlType.DECIMAL, new BigDecimal("12.345000000000000000")),
                Arguments.of(new BigDecimal("0.1"), KqlType.DECIMAL, new BigDecimal("0.100000000000000000")),
                Arguments.of("text", KqlType.STRING, "text"),
                Arguments.of(12, KqlType.STRING, "12"),
                Arguments.of(1.5, KqlType.STRING, "1.5"),
                Arguments.of(true, KqlType.STRING, "true"),
                Arguments.of(Map.of("a", 1), KqlType.STRING, "{\"a\":1}"),
                Arguments.of(List.of(1, "x"), KqlType.STRING, "[1,\"x\"]"),
                Arguments.of(null, KqlType.STRING, ""),
                Arguments.of(null, KqlType.LONG, null),
                Arguments.of("2021-01-20T10:00:00Z", KqlType.DATETIME, Instant.parse("2021-01-20T10:00:00Z")),
                Arguments.of("2021-01-20T12:00:00.5+02:00", KqlType.DATETIME, Instant.parse("2021-01-20T10:00:00.5Z")),
                Arguments.of("01:30:00", KqlType.TIMESPAN, 54_000_000_000L),
                Arguments.of("1.00:00:00.0000001", KqlType.TIMESPAN, 864_000_000_001L),
                Arguments.of("9A4C5B1E-0F6D-4C1A-8F3E-2B7D9C0E1A2F", KqlType.GUID, UUID.fromString("9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f")),
                Arguments.of(Map.of("k", List.of(1, 2)), KqlType.DYNAMIC, "{\"k\":[1,2]}"),
                Arguments.of("{\"DeviceId\": \"d1\"}", KqlType.DYNAMIC, "{\"DeviceId\":\"d1\"}"),
                Arguments.of("[1, 2]", KqlType.DYNAMIC, "[1,2]"),
                Arguments.of("plain", KqlType.DYNAMIC, "\"plain\""),
                Arguments.of("{not json", KqlType.DYNAMIC, "\"{not json\""),
                Arguments.of(7, KqlType.DYNAMIC, "7"),
                Arguments.of(false, KqlType.DYNAMIC, "false"),
                // a surrogate pair is one character; NUL and other control characters are stored as sent
                Arguments.of("x\uD83D\uDE00y", KqlType.STRING, "x\uD83D\uDE00y"),
                Arguments.of("nul\u0000 bell\u0007 esc\u001B", KqlType.STRING, "nul\u0000 bell\u0007 esc\u001B"),
                Arguments.of(Map.of("k", "\uD83D\uDE00"), KqlType.DYNAMIC, "{\"k\":\"\uD83D\uDE00\"}"),
                Arguments.of("x".repeat(IngestionLimits.MAX_TEXT_CHARS), KqlType.STRING, "x".repeat(IngestionLimits.MAX_TEXT_CHARS)),
                // exponents too large to expand into digits are judged from precision and scale
                Arguments.of("1e-999999999", KqlType.DECIMAL, new BigDecimal("0.000000000000000000")),
                Arguments.of("1e999999999", KqlType.REAL, Double.POSITIVE_INFINITY),
                Arguments.of("1e999999999", KqlType.STRING, "1e999999999"),
                Arguments.of("100e-2", KqlType.LONG, 1L));
    }

    @ParameterizedTest(name = "{0} as {1} is stored as {2}")
    @MethodSource("accepted")
    @Timeout(10)
    void testValuesAreCoercedAsLogAnalyticsDoes(Object raw, KqlType type, Object stored) throws Exception {
        assertThat(ValueCoercion.coerce(type, raw)).isEqualTo(stored);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("yes", KqlType.BOOL, "'yes' is not a bool; expected true or false"),
                Arguments.of(1, KqlType.BOOL, "1 is not a bool; expected true or false"),
                Arguments.of(2147483648L, KqlType.INT, "2147483648 is out of the range of int (-2147483648 to 2147483647)"),
                Arguments.of("1.5", KqlType.INT, "'1.5' is not a whole number, as int requires"),
                Arguments.of("abc", KqlType.LONG, "'abc' is not a number, as long requires"),
                Arguments.of(new BigInteger("9223372036854775808"), KqlType.LONG,
                        "9223372036854775808 is out of the range of long (-9223372036854775808 to 9223372036854775807)"),
                Arguments.of(true, KqlType.REAL, "true is not a number, as real requires"),
                Arguments.of("1e30", KqlType.DECIMAL, "'1e30' is out of the range of decimal (at most 20 digits before the point)"),
                Arguments.of("20/01/2021", KqlType.DATETIME,
                        "'20/01/2021' is not an ISO 8601 datetime such as 2021-01-20T10:00:00Z or 2021-01-20T10:00:00.123+02:00"),
                Arguments.of(1611136800, KqlType.DATETIME,
                        "1611136800 is not an ISO 8601 datetime such as 2021-01-20T10:00:00Z or 2021-01-20T10:00:00.123+02:00"),
                Arguments.of("1600-01-01T00:00:00Z", KqlType.DATETIME,
                        "'1600-01-01T00:00:00Z' is outside the datetime range stored (1677-09-21T00:12:45Z to 2262-04-11T23:47:15.9999999Z)"),
                Arguments.of("1h", KqlType.TIMESPAN, "'1h' is not a timespan such as 01:30:00 or 2.00:00:00.5"),
                Arguments.of("not-a-guid", KqlType.GUID, "'not-a-guid' is not a guid such as 9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f"),
                Arguments.of(Map.of(), KqlType.INT, "a JSON object is not a number, as int requires"),
                Arguments.of("1e999999999", KqlType.INT, "'1e999999999' is out of the range of int (-2147483648 to 2147483647)"),
                Arguments.of("-1e999999999", KqlType.LONG,
                        "'-1e999999999' is out of the range of long (-9223372036854775808 to 9223372036854775807)"),
                Arguments.of("1e-999999999", KqlType.LONG, "'1e-999999999' is not a whole number, as long requires"),
                Arguments.of("1e999999999", KqlType.DECIMAL, "'1e999999999' is out of the range of decimal (at most 20 digits before the point)"),
                Arguments.of("1".repeat(1_001), KqlType.LONG, "'" + "1".repeat(76) + "...' is not a number, as long requires"),
                Arguments.of("x\uD800y", KqlType.STRING, LONE_SURROGATE),
                Arguments.of("\uDC00", KqlType.STRING, "the value holds a lone surrogate \\uDC00 at character 1, which is not Unicode text"
                        + " and cannot be stored; send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out"),
                Arguments.of("pair reversed \uDE00\uD83D", KqlType.STRING, "the value holds a lone surrogate \\uDE00 at character 15,"
                        + " which is not Unicode text and cannot be stored; send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out"),
                Arguments.of(Map.of("k", "x\uD800y"), KqlType.STRING, "the value holds a lone surrogate \\uD800 at character 8,"
                        + " which is not Unicode text and cannot be stored; send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out"),
                Arguments.of(Map.of("nested", List.of("x\uD800y")), KqlType.DYNAMIC, "the value holds a lone surrogate \\uD800 at character 14,"
                        + " which is not Unicode text and cannot be stored; send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out"),
                Arguments.of("{\"k\": \"\\ud800\"}", KqlType.DYNAMIC, "the value holds a lone surrogate \\uD800 at character 7,"
                        + " which is not Unicode text and cannot be stored; send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out"),
                Arguments.of("plain \uD800", KqlType.DYNAMIC, "the value holds a lone surrogate \\uD800 at character 8,"
                        + " which is not Unicode text and cannot be stored; send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out"),
                Arguments.of("x".repeat(IngestionLimits.MAX_TEXT_CHARS + 1), KqlType.STRING,
                        "the value has 1,048,577 characters; a string or dynamic value holds at most 1,048,576"),
                Arguments.of(List.of("x".repeat(IngestionLimits.MAX_TEXT_CHARS - 3)), KqlType.DYNAMIC,
                        "the value has 1,048,577 characters; a string or dynamic value holds at most 1,048,576"));
    }

    private static final String LONE_SURROGATE = "the value holds a lone surrogate \\uD800 at character 2, which is not Unicode text"
            + " and cannot be stored; send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out";

    @ParameterizedTest(name = "{0} as {1} is refused")
    @MethodSource("refused")
    @Timeout(10)
    void testValuesThatDoNotFitAreRefusedWithAReason(Object raw, KqlType type, String reason) {
        assertThatThrownBy(() -> ValueCoercion.coerce(type, raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(reason);
    }
}
