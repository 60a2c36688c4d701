package dev.vigil.workspace.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.types.KqlType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestResultValues {

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of(KqlType.DATETIME, Instant.parse("2021-01-20T10:00:00Z"), "2021-01-20T10:00:00Z"),
                Arguments.of(KqlType.DATETIME, Instant.parse("2021-01-20T10:00:00.123Z"), "2021-01-20T10:00:00.1230000Z"),
                Arguments.of(KqlType.TIMESPAN, 54_000_000_000L, "01:30:00"),
                Arguments.of(KqlType.TIMESPAN, -864_000_000_001L, "-1.00:00:00.0000001"),
                Arguments.of(KqlType.GUID, UUID.fromString("9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f"), "9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f"),
                Arguments.of(KqlType.DYNAMIC, "{\"a\":[1,2]}", "{\"a\":[1,2]}"),
                Arguments.of(KqlType.REAL, Double.NaN, "NaN"),
                Arguments.of(KqlType.REAL, Double.POSITIVE_INFINITY, "Infinity"),
                Arguments.of(KqlType.REAL, Double.NEGATIVE_INFINITY, "-Infinity"),
                Arguments.of(KqlType.REAL, 1.5, 1.5),
                Arguments.of(KqlType.BOOL, true, true),
                Arguments.of(KqlType.INT, 7, 7),
                Arguments.of(KqlType.LONG, 7, 7L),
                Arguments.of(KqlType.DECIMAL, new BigDecimal("1.500000000000000000"), new BigDecimal("1.5")),
                Arguments.of(KqlType.DECIMAL, new BigDecimal("100.000000000000000000"), new BigDecimal("100")),
                Arguments.of(KqlType.STRING, "", ""),
                Arguments.of(KqlType.LONG, null, null));
    }

    @ParameterizedTest(name = "{0} {1} is written as {2}")
    @MethodSource("encodings")
    void testValuesAreEncodedInTheQueryApiForm(KqlType type, Object value, Object encoded) {
        assertThat(ResultValues.encode(type, value)).isEqualTo(encoded);
    }
}
