package dev.vigil.workspace.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.TimeRange;
import dev.vigil.workspace.api.InvalidTimespanException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestQueryTimespan {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PT1H                                       | 2024-05-01T11:00:00Z | 2024-05-01T12:00:00Z",
            "P1D                                        | 2024-04-30T12:00:00Z | 2024-05-01T12:00:00Z",
            "P1DT12H                                    | 2024-04-30T00:00:00Z | 2024-05-01T12:00:00Z",
            "pt30m                                      | 2024-05-01T11:30:00Z | 2024-05-01T12:00:00Z",
            "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z  | 2024-01-01T00:00:00Z | 2024-01-02T00:00:00Z",
            "2024-01-01T02:00:00+02:00/2024-01-01T01:00Z | 2024-01-01T00:00:00Z | 2024-01-01T01:00:00Z",
            "2024-01-01T00:00:00Z/PT6H                  | 2024-01-01T00:00:00Z | 2024-01-01T06:00:00Z",
            "PT6H/2024-01-01T06:00:00Z                  | 2024-01-01T00:00:00Z | 2024-01-01T06:00:00Z"})
    void testDurationsAndIntervalsBecomeTimeRanges(String timespan, String start, String end) {
        assertThat(QueryTimespan.parse(timespan, NOW)).isEqualTo(new TimeRange(Instant.parse(start), Instant.parse(end)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1h                      | '1h' in the timespan '1h' is not an ISO 8601 duration such as PT1H or P7D",
            "P                       | 'P' in the timespan 'P' is not an ISO 8601 duration such as PT1H or P7D",
            "PT                      | 'PT' in the timespan 'PT' is not an ISO 8601 duration such as PT1H or P7D",
            "yesterday/PT1H          | 'yesterday' in the timespan 'yesterday/PT1H' is not an ISO 8601 datetime such as 2024-01-01T00:00:00Z",
            "2024-01-02T00:00:00Z/2024-01-01T00:00:00Z | the timespan '2024-01-02T00:00:00Z/2024-01-01T00:00:00Z' ends before it starts",
            "PT-1H                   | the duration 'PT-1H' in the timespan 'PT-1H' is negative"})
    void testOtherTextIsRefusedWithAReason(String timespan, String message) {
        assertThatThrownBy(() -> QueryTimespan.parse(timespan, NOW))
                .isInstanceOf(InvalidTimespanException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidTimespanException) e).code()).isEqualTo("InvalidTimespan");
    }
}
