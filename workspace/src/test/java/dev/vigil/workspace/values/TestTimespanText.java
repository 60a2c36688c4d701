package dev.vigil.workspace.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestTimespanText {

    @ParameterizedTest
    @CsvSource({
            "00:00:00, 0",
            "01:30:00, 54000000000",
            "2.00:00:00.5, 1728005000000",
            "-00:00:01, -10000000",
            "00:00:00.0000001, 1",
            "00:00:00.123, 1230000",
            "1.02:03:04.5678901, 937845678901"})
    void testParsesKustoTimespanText(String text, long ticks) {
        assertThat(TimespanText.parse(text)).contains(ticks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1:2", "00:60:00", "24:00:00", "1h", "PT1H", "00:00:00.12345678", "abc"})
    void testRefusesOtherText(String text) {
        assertThat(TimespanText.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "0, 00:00:00",
            "54000000000, 01:30:00",
            "1728005000000, 2.00:00:00.5000000",
            "-10000000, -00:00:01",
            "1, 00:00:00.0000001",
            "937845678901, 1.02:03:04.5678901"})
    void testFormatsTicksAsKustoDoes(long ticks, String text) {
        assertThat(TimespanText.format(ticks)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MAX_VALUE})
    void testFormatsExtremeTicks(long ticks) {
        assertThat(TimespanText.format(ticks)).matches("-?\\d+\\.\\d{2}:\\d{2}:\\d{2}\\.\\d{7}");
    }
}
