package dev.vigil.workspace.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestDatetimeText {

    @ParameterizedTest
    @CsvSource({
            "2021-01-20T10:00:00Z, 2021-01-20T10:00:00Z",
            "2021-01-20T10:00:00.123Z, 2021-01-20T10:00:00.123Z",
            "2021-01-20T10:00:00.1234567Z, 2021-01-20T10:00:00.1234567Z",
            "2021-01-20T10:00:00.123456789Z, 2021-01-20T10:00:00.1234567Z",
            "2021-01-20T12:00:00.1234567+02:00, 2021-01-20T10:00:00.1234567Z",
            "2021-01-20T12:00:00+02:00, 2021-01-20T10:00:00Z",
            "2021-01-20T05:30:00-0430, 2021-01-20T10:00:00Z",
            "2021-01-20T10:00:00, 2021-01-20T10:00:00Z",
            "2021-01-20 10:00:00, 2021-01-20T10:00:00Z",
            "2021-01-20T10:00Z, 2021-01-20T10:00:00Z",
            "2021-01-20, 2021-01-20T00:00:00Z"})
    void testParsesIso8601AndNormalisesToUtc(String text, String expected) {
        assertThat(DatetimeText.parse(text)).contains(Instant.parse(expected));
    }

    /** The digit-by-digit reading of the common shape must give what Instant's parser gives, down to the tick. */
    @ParameterizedTest
    @ValueSource(strings = {"2021-01-20T10:00:00Z", "2024-02-29T23:59:59.9999999Z", "1970-01-01T00:00:00.1Z", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.123456789Z", "1969-12-31T23:59:59.99Z", "2026-11-01T00:00:00.000000100Z"})
    void testCommonShapeReadsAsInstantsParserDoes(String text) {
        Instant expected = Instant.parse(text);
        assertThat(DatetimeText.parseCommon(text)).isEqualTo(expected.minusNanos(expected.getNano() % 100));
    }

    /** Out-of-range fields and other shapes are left to the general parser, which decides on them. */
    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2021-04-31T10:00:00Z", "2021-01-20T24:00:00Z", "2021-01-20T23:59:60Z",
            "2021-01-20T10:00:00.Z", "2021-01-20T10:00:00.1234567890Z", "2021-01-20t10:00:00Z", "2021-01-20T10:00:00+00:00",
            "2021-01-2XT10:00:00Z", "+2021-01-20T10:00:00Z"})
    void testCommonShapeLeavesTheRestToTheGeneralParser(String text) {
        assertThat(DatetimeText.parseCommon(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2021-13-01T00:00:00Z", "2021-01-20T25:00:00Z", "1611136800", "20/01/2021"})
    void testRefusesWhatIsNotIso8601(String text) {
        assertThat(DatetimeText.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2021-01-20T10:00:00Z, 2021-01-20T10:00:00Z",
            "2021-01-20T10:00:00.123Z, 2021-01-20T10:00:00.1230000Z",
            "2021-01-20T10:00:00.000001Z, 2021-01-20T10:00:00.0000010Z"})
    void testFormatsWithSevenFractionDigitsOnlyWhenNotZero(String instant, String text) {
        assertThat(DatetimeText.format(Instant.parse(instant))).isEqualTo(text);
    }
}
